// libFuzzer harness for parse + write_tei. The TEI output, whole and as a fragment, must be
// well-formed XML 1.0: pugixml parses it, and it holds only characters XML allows (pugixml itself
// does not reject C0 controls or character references to them, so they are checked here).
#include "tests/fuzz/fuzz_support.hpp"

#include <archmark/write.hpp>

#include <pugixml.hpp>

#include <cctype>

namespace {

// The first character that XML 1.0 forbids, raw or as a character reference, or npos.
std::size_t forbidden_xml_char(std::string_view xml) {
    for (std::size_t i = 0; i < xml.size(); ++i) {
        auto c = static_cast<unsigned char>(xml[i]);
        if (c < 0x20 && c != '\t' && c != '\n' && c != '\r') return i;
        // U+FFFE and U+FFFF (EF BF BE, EF BF BF)
        if (c == 0xEF && i + 2 < xml.size() && static_cast<unsigned char>(xml[i + 1]) == 0xBF &&
            (static_cast<unsigned char>(xml[i + 2]) & 0xFE) == 0xBE)
            return i;
        if (c == '&' && i + 2 < xml.size() && xml[i + 1] == '#') {
            std::size_t j = i + 2;
            bool hex = j < xml.size() && (xml[j] == 'x' || xml[j] == 'X');
            if (hex) ++j;
            unsigned long value = 0;
            std::size_t digits = 0;
            for (; j < xml.size() && xml[j] != ';' && digits < 8; ++j, ++digits)
                value = value * (hex ? 16 : 10) +
                        static_cast<unsigned long>(std::isdigit(static_cast<unsigned char>(xml[j]))
                                                       ? xml[j] - '0'
                                                       : (std::tolower(static_cast<unsigned char>(xml[j])) - 'a' + 10));
            bool allowed = value == 0x9 || value == 0xA || value == 0xD || (value >= 0x20 && value <= 0xD7FF) ||
                           (value >= 0xE000 && value <= 0xFFFD) || (value >= 0x10000 && value <= 0x10FFFF);
            if (!allowed) return i;
        }
    }
    return std::string_view::npos;
}

void check_xml(std::string_view xml, const char* what) {
    if (!archmark::fuzz::is_utf8(xml)) archmark::fuzz::finding(what, "TEI output is not UTF-8");
    if (auto at = forbidden_xml_char(xml); at != std::string_view::npos)
        archmark::fuzz::finding(what, "character not allowed in XML 1.0 at byte " + std::to_string(at) + ":\n" +
                                          std::string(xml.substr(at > 60 ? at - 60 : 0, 120)));
    pugi::xml_document doc;
    auto result = doc.load_buffer(xml.data(), xml.size(), pugi::parse_default | pugi::parse_declaration,
                                  pugi::encoding_utf8);
    if (!result)
        archmark::fuzz::finding(what, std::string(result.description()) + " at byte " +
                                          std::to_string(result.offset) + " of:\n" + std::string(xml));
    if (!doc.document_element()) archmark::fuzz::finding(what, "no root element");
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    auto parsed = archmark::fuzz::checked_parse(archmark::fuzz::as_text(data, size));
    archmark::write_options options;
    std::string whole;
    archmark::string_sink whole_sink(whole);
    archmark::write_tei(parsed.document, options, whole_sink);
    check_xml(whole, "ill-formed TEI document");
    options.fragment = true;
    std::string fragment = "<body>";
    archmark::string_sink fragment_sink(fragment);
    archmark::write_tei(parsed.document, options, fragment_sink);
    fragment += "</body>";
    check_xml(fragment, "ill-formed TEI fragment");
    return 0;
}
