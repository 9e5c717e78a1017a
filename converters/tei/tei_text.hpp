// String helpers of the TEI writer. pugixml escapes markup; these keep what escaping cannot fix
// out of the output: characters XML 1.0 cannot carry, URIs with spaces, attribute values that
// their TEI datatype forbids.
#pragma once

#include <string>
#include <string_view>

namespace archmark::tei {

// Text for XML 1.0: invalid UTF-8 and code points XML cannot carry become U+FFFD.
std::string xml_text(std::string_view s);
// A URI reference for @target and @url from a Markdown destination (percent-encoding what
// RFC 3986 does not allow where it stands; non-ASCII is kept, as in an IRI).
std::string uri(std::string_view raw);
// Spaces collapsed and trimmed, for titles.
std::string collapse_spaces(std::string_view s);
// A value for an enumerated attribute: the first word if it is printable ASCII, else empty.
std::string enumerated_word(std::string_view s);
// Whether `when` is an ISO date @when accepts in the forms the parser writes: YYYY, YYYY-MM,
// YYYY-MM-DD or --MM-DD.
bool iso_date(std::string_view when);
// An NCName made from `s` for an xml:id: letters, digits, '.', '-' and '_' kept, runs of
// anything else become one '-', prefixed by `prefix` (which starts with a letter).
std::string ncname(std::string_view prefix, std::string_view s);
// Whether `s` looks like a BCP 47 language tag (for @xml:lang and <language ident>).
bool language_tag(std::string_view s);

}  // namespace archmark::tei
