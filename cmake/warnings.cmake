# One set of warnings for every target of ours.
function(archmark_warnings target)
  target_compile_options(${target} PRIVATE -Wall -Wextra -Wpedantic -Werror=switch)
endfunction()
