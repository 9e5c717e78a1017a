// The whole public API in one include: the one-call convert(), the tree (parse, the AST types,
// visit), the writers, diagnostics and the rule table. See docs/embedding.md.
#pragma once

#include <archmark/codes.hpp>
#include <archmark/compare.hpp>
#include <archmark/convert.hpp>
#include <archmark/diagnostic.hpp>
#include <archmark/document.hpp>
#include <archmark/dump.hpp>
#include <archmark/lint.hpp>
#include <archmark/parse.hpp>
#include <archmark/rules.hpp>
#include <archmark/version.hpp>
#include <archmark/visit.hpp>
#include <archmark/write.hpp>
