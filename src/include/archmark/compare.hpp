// Comparing documents by content, spans aside: what fmt and the round-trip tests call "the same".
#pragma once

#include <archmark/document.hpp>

namespace archmark {

// Joins adjacent text nodes and drops empty ones in the whole subtree: how a run of text is split
// is not content.
void normalize_text(node& n);

// Whether two nodes carry the same kind and payload, spans and children aside. A note's style
// (how its call was spelled: `<sup>1</sup>`, `¹`, `*`, `[^1]`) is spelling, not content.
bool same_payload(const node& a, const node& b);

// The first node of `a`, depth first, where two normalized trees differ (in payload or in their
// number of children), or nullptr when they hold the same content.
const node* first_difference(const node& a, const node& b);

}  // namespace archmark
