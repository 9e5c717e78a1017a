# Installation and the exported CMake package: see docs/embedding.md.
