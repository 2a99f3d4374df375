# geokg_embed(TARGET NAME FILE): links FILE's bytes into TARGET. Code reads them through
# `std::string_view NAME()` declared in the generated header "embedded/NAME.h". The data is
# pulled in with the assembler's .incbin, so multi-megabyte model files cost no compile time.
function(geokg_embed target name file)
  set(dir "${CMAKE_BINARY_DIR}/generated/embedded")
  file(MAKE_DIRECTORY "${dir}")
  get_filename_component(abs "${file}" ABSOLUTE BASE_DIR "${CMAKE_CURRENT_SOURCE_DIR}")
  file(WRITE "${dir}/${name}.h.tmp"
    "#pragma once\n#include <string_view>\n"
    "extern \"C\" const char geokg_embed_${name}_begin[];\n"
    "extern \"C\" const char geokg_embed_${name}_end[];\n"
    "namespace geokg::embedded {\n"
    "inline std::string_view ${name}() {\n"
    "  return {geokg_embed_${name}_begin,\n"
    "          static_cast<std::size_t>(geokg_embed_${name}_end - geokg_embed_${name}_begin)};\n"
    "}\n}  // namespace geokg::embedded\n")
  file(COPY_FILE "${dir}/${name}.h.tmp" "${dir}/${name}.h" ONLY_IF_DIFFERENT)
  file(WRITE "${dir}/${name}.S.tmp"
    "  .section .rodata\n"
    "  .global geokg_embed_${name}_begin\n"
    "  .global geokg_embed_${name}_end\n"
    "geokg_embed_${name}_begin:\n"
    "  .incbin \"${abs}\"\n"
    "geokg_embed_${name}_end:\n"
    "  .byte 0\n"
    "  .section .note.GNU-stack,\"\",@progbits\n")
  file(COPY_FILE "${dir}/${name}.S.tmp" "${dir}/${name}.S" ONLY_IF_DIFFERENT)
  set_source_files_properties("${dir}/${name}.S" PROPERTIES OBJECT_DEPENDS "${abs}")
  target_sources(${target} PRIVATE "${dir}/${name}.S")
  target_include_directories(${target} PUBLIC "${CMAKE_BINARY_DIR}/generated")
endfunction()
