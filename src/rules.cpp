#include <archmark/rules.hpp>

namespace archmark {
namespace {

struct rule_text {
    std::string_view description;
    std::string_view full_description;
    std::string_view help;
};

// The one table. An exhaustive switch without a default: a new rule id does not build until it is
// described here (and then in docs/diagnostics.md).
rule_text text_of(rule r) noexcept {
    switch (r) {
    case rule::input_utf8:
        return {"the input is not valid UTF-8",
                "The file holds a byte sequence that is not UTF-8, usually because it was saved in a "
                "legacy encoding (Windows-1252, Latin-1) or damaged in transfer. The input is rejected "
                "as a whole: nothing is converted. The diagnostic gives the byte offset of the first "
                "bad byte.",
                "re-save the file as UTF-8, e.g. `iconv -f WINDOWS-1252 -t UTF-8 in.md > out.md`"};
    case rule::input_nul:
        return {"the input holds a NUL byte",
                "A NUL byte (U+0000) is not text. It usually comes from a UTF-16 file read as UTF-8, "
                "a binary file given by mistake or a damaged OCR export.",
                "remove the NUL bytes (`tr -d '\\000'`), or convert a UTF-16 file to UTF-8"};
    case rule::limit_depth:
        return {"nesting deeper than the parser follows",
                "Block quotes, lists or emphasis nested more than 200 levels deep are flattened into "
                "text, so that no pass or writer can overflow the stack. No word is lost, but the "
                "structure below that depth is not recognized.",
                "reduce the nesting; a transcription rarely needs more than a few levels"};
    case rule::redaction_citation:
        return {"a FOIA code that reads as a legal citation, kept as text",
                "`(b)(N)` directly after a letter or digit (`552(b)(1)`), or after `§`, `section`, "
                "`subsection`, `paragraph`, `exemption` or `U.S.C.`, cites the statute rather than "
                "marking withheld text. It stays text; the note lets an editor confirm.",
                "if it marks withheld text, separate it from the citation"};
    case rule::redaction_unknown_code:
        return {"a FOIA-like code that is no exemption: (b)(0), (b)(10), (b)(7)(G)",
                "The text has the shape of a FOIA exemption code but names none that exists. It is "
                "kept as text rather than guessed.",
                "FOIA codes are (b)(1) to (b)(9), and (b)(7)(A) to (b)(7)(F)"};
    case rule::redaction_near_miss:
        return {"a FOIA code mistyped, as OCR does: (b)(l), (6)(1), b(1)",
                "OCR often reads `1` as `l` or `I` and `b` as `6`, and drops a closing parenthesis. "
                "Such a near miss is kept as text, so the withheld passage is not marked as a "
                "redaction until it is corrected.",
                "correct it to the code the release shows, e.g. `(b)(1)`"};
    case rule::redaction_possible:
        return {"a run of XXXX that may mark withheld text, kept as text",
                "Typists and some agencies mark withheld words with runs of `X`, but such a run can "
                "also be real text. It is kept as text; the note lets an editor decide.",
                "if it is a redaction, write `[REDACTED]`; if it is text, silence the rule"};
    case rule::syntax_unclosed:
        return {"an opening <del>, <s>, <ins>, <sup> or {++ without its close",
                "An edit or superscript that is opened and not closed in the same paragraph cannot "
                "be placed. The tag is kept as plain text.",
                "close it in the same paragraph, or escape it if it is text"};
    case rule::syntax_stray_close:
        return {"a closing tag that closes nothing",
                "A closing tag (`</del>`, `</ins>`, `--}`, ...) with no matching opening tag in its "
                "paragraph. It is kept as plain text.",
                "remove it, or add the opening tag where the edit starts"};
    case rule::edit_empty:
        return {"an empty deletion or insertion: ~~~~, <s></s>",
                "A deletion or insertion with nothing inside records no edit; it is usually a "
                "leftover of a transcription tool.",
                "put the struck or inserted words inside, or remove the markup"};
    case rule::note_undefined:
        return {"a note call with no definition",
                "A call (`[^1]`, `<sup>1</sup>`, `¹`) whose label no definition in the document has. "
                "A `[^1]` call stays text; a `<sup>` stays a superscript.",
                "add the definition (`[^1]: …`, or a paragraph starting with the label), or fix the label"};
    case rule::note_unused:
        return {"a note definition that no call refers to",
                "A definition whose label nothing in the text calls. The note is kept at the end of "
                "its document so no text is lost.",
                "add the call where the note belongs, or fix the label"};
    case rule::note_duplicate:
        return {"two definitions of one note label",
                "Calls get the first definition of a label; a later definition of the same label is "
                "kept at the end of the document.",
                "give each note its own label"};
    case rule::metadata_invalid:
        return {"front matter that is not a YAML mapping",
                "The `---` block at the top of the file is not valid YAML, or not a mapping of keys "
                "to values, so no metadata (title, date, source, ...) is read from it.",
                "write the front matter as `key: value` lines (title, date, source, archive, "
                "identifier, classification, language)"};
    case rule::structure_duplicate:
        return {"a paragraph that repeats an earlier one word for word",
                "A paragraph of 8 words or more whose words are exactly those of an earlier paragraph "
                "of the file, often a passage pasted twice. Reported once at each repeat, naming the "
                "line of the first.",
                "if the original repeats the passage, keep it and silence the rule for the file; "
                "otherwise delete the copy"};
    case rule::structure_abandoned:
        return {"a list item that the next item of the same number repeats and continues",
                "An ordered list item whose text is the beginning of the next item, which has the "
                "same number (`3. You would` then `3. You would undertake …`): a typist's abandoned "
                "start, or an OCR or conversion artefact.",
                "if the original shows the abandoned start, keep it and silence the rule for the "
                "file; otherwise delete it"};
    case rule::structure_after_signature:
        return {"content after a signature that is not a draft or postscript",
                "Prose, lists, quotes or tables after a signature, with no `DRAFT FOLLOWS` line, "
                "postscript or heading between: a letter's closer must end its division, so the text "
                "after it belongs to something the transcription has not named. Short lines (a "
                "title, a place, initials, `cc:`, `Enclosure`) count as part of the signature block.",
                "start the draft with a line `DRAFT FOLLOWS`, the postscript with `P.S.`, or a new "
                "document with a heading"};
    case rule::output_unsupported:
        return {"a writer cannot express a node in its format",
                "The output format has no construct for a node of the document. The writer keeps "
                "its text and reports it instead of dropping it silently.",
                "choose another output format, or simplify the construct"};
    }
    return {"", "", ""};
}

}  // namespace

std::string_view rule_description(rule r) noexcept { return text_of(r).description; }
std::string_view rule_full_description(rule r) noexcept { return text_of(r).full_description; }
std::string_view rule_help(rule r) noexcept { return text_of(r).help; }

std::optional<rule> rule_from_id(std::string_view id) noexcept {
    for (int i = 0; i < rule_count; ++i)
        if (rule_id(static_cast<rule>(i)) == id) return static_cast<rule>(i);
    return std::nullopt;
}

}  // namespace archmark
