#include <archmark/codes.hpp>

#include <array>

namespace archmark {
namespace {

// FOIA: 5 U.S.C. § 552(b). E.O. 13526: § 1.4 (the categories agencies cite, "1.4(B)"),
// § 3.3(b) (25X), § 3.3(h) (50X, 75X).
constexpr std::array<exemption_code, 45> codes{{
    {"(b)(1)", redaction_scheme::foia, "b1", "classified national security information"},
    {"(b)(2)", redaction_scheme::foia, "b2", "internal personnel rules and practices of an agency"},
    {"(b)(3)", redaction_scheme::foia, "b3", "information exempted from disclosure by another statute"},
    {"(b)(4)", redaction_scheme::foia, "b4", "trade secrets and confidential commercial or financial information"},
    {"(b)(5)", redaction_scheme::foia, "b5", "privileged inter-agency or intra-agency communications"},
    {"(b)(6)", redaction_scheme::foia, "b6", "personal information whose release would invade personal privacy"},
    {"(b)(7)", redaction_scheme::foia, "b7", "records compiled for law enforcement purposes"},
    {"(b)(7)(A)", redaction_scheme::foia, "b7A", "law enforcement records: could interfere with enforcement proceedings"},
    {"(b)(7)(B)", redaction_scheme::foia, "b7B", "law enforcement records: would deprive a person of a fair trial"},
    {"(b)(7)(C)", redaction_scheme::foia, "b7C", "law enforcement records: could invade personal privacy"},
    {"(b)(7)(D)", redaction_scheme::foia, "b7D", "law enforcement records: could disclose a confidential source"},
    {"(b)(7)(E)", redaction_scheme::foia, "b7E", "law enforcement records: would disclose techniques and procedures"},
    {"(b)(7)(F)", redaction_scheme::foia, "b7F", "law enforcement records: could endanger life or physical safety"},
    {"(b)(8)", redaction_scheme::foia, "b8", "reports on the supervision of financial institutions"},
    {"(b)(9)", redaction_scheme::foia, "b9", "geological and geophysical information concerning wells"},
    {"1.4(A)", redaction_scheme::eo13526, "s1.4A", "classified: military plans, weapons systems or operations"},
    {"1.4(B)", redaction_scheme::eo13526, "s1.4B", "classified: foreign government information"},
    {"1.4(C)", redaction_scheme::eo13526, "s1.4C", "classified: intelligence activities, sources or methods, or cryptology"},
    {"1.4(D)", redaction_scheme::eo13526, "s1.4D", "classified: foreign relations or foreign activities of the United States"},
    {"1.4(E)", redaction_scheme::eo13526, "s1.4E", "classified: scientific, technological or economic matters of national security"},
    {"1.4(F)", redaction_scheme::eo13526, "s1.4F", "classified: programs for safeguarding nuclear materials or facilities"},
    {"1.4(G)", redaction_scheme::eo13526, "s1.4G", "classified: vulnerabilities or capabilities of systems relating to national security"},
    {"1.4(H)", redaction_scheme::eo13526, "s1.4H", "classified: weapons of mass destruction"},
    {"25X1", redaction_scheme::eo13526, "x25X1", "would reveal a human intelligence source or methods"},
    {"25X1-human", redaction_scheme::eo13526, "x25X1-human", "would reveal the identity of a confidential human source"},
    {"25X2", redaction_scheme::eo13526, "x25X2", "would reveal information on weapons of mass destruction"},
    {"25X3", redaction_scheme::eo13526, "x25X3", "would impair U.S. cryptologic systems or activities"},
    {"25X4", redaction_scheme::eo13526, "x25X4", "would impair weapons systems technology"},
    {"25X5", redaction_scheme::eo13526, "x25X5", "would reveal current U.S. military war plans"},
    {"25X6", redaction_scheme::eo13526, "x25X6", "would seriously damage relations with a foreign government"},
    {"25X7", redaction_scheme::eo13526, "x25X7", "would impair protection of the President and other officials"},
    {"25X8", redaction_scheme::eo13526, "x25X8", "would impair emergency preparedness plans"},
    {"25X9", redaction_scheme::eo13526, "x25X9", "would violate a statute, treaty or international agreement"},
    {"50X1", redaction_scheme::eo13526, "x50X1", "50-year exemption: a human intelligence source"},
    {"50X1-HUM", redaction_scheme::eo13526, "x50X1-HUM", "50-year exemption: the identity of a confidential human source"},
    {"50X2", redaction_scheme::eo13526, "x50X2", "50-year exemption: weapons of mass destruction"},
    {"50X2-WMD", redaction_scheme::eo13526, "x50X2-WMD", "50-year exemption: key design concepts of weapons of mass destruction"},
    {"50X3", redaction_scheme::eo13526, "x50X3", "50-year exemption: cryptologic systems or activities"},
    {"50X4", redaction_scheme::eo13526, "x50X4", "50-year exemption: weapons systems technology"},
    {"50X5", redaction_scheme::eo13526, "x50X5", "50-year exemption: military war plans"},
    {"50X6", redaction_scheme::eo13526, "x50X6", "50-year exemption: relations with a foreign government"},
    {"50X7", redaction_scheme::eo13526, "x50X7", "50-year exemption: protection of the President and other officials"},
    {"50X8", redaction_scheme::eo13526, "x50X8", "50-year exemption: emergency preparedness plans"},
    {"50X9", redaction_scheme::eo13526, "x50X9", "50-year exemption: a statute, treaty or international agreement"},
    {"75X", redaction_scheme::eo13526, "x75X", "75-year exemption approved by the Interagency Security Classification Appeals Panel"},
}};

}  // namespace

std::span<const exemption_code> exemption_codes() noexcept { return codes; }

const exemption_code* find_exemption_code(std::string_view normalized) noexcept {
    for (const auto& c : codes)
        if (c.code == normalized) return &c;
    return nullptr;
}

}  // namespace archmark
