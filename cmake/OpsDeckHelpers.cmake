# Warnings on for our own targets only (generated code is compiled without them).
function(opsdeck_warnings target)
  if(CMAKE_CXX_COMPILER_ID MATCHES "GNU|Clang")
    target_compile_options(${target} PRIVATE -Wall -Wextra -Wpedantic -Wshadow=local
                           -Wnon-virtual-dtor -Woverloaded-virtual)
    if(OPSDECK_WERROR)
      target_compile_options(${target} PRIVATE -Werror)
    endif()
  endif()
endfunction()

# opsdeck_library(NAME folder-target SOURCES_DIR dir): one library per folder,
# sources globbed so that adding a file needs no CMake edit.
function(opsdeck_glob_sources out dir)
  file(GLOB_RECURSE _srcs CONFIGURE_DEPENDS
       ${dir}/*.cpp ${dir}/*.h)
  set(${out} ${_srcs} PARENT_SCOPE)
endfunction()

# Adds every immediate sub-folder of the current source dir that has a CMakeLists.txt.
macro(opsdeck_add_subfolders)
  file(GLOB _children LIST_DIRECTORIES true RELATIVE ${CMAKE_CURRENT_SOURCE_DIR} ${CMAKE_CURRENT_SOURCE_DIR}/*)
  list(SORT _children)
  foreach(_child IN LISTS _children)
    if(IS_DIRECTORY ${CMAKE_CURRENT_SOURCE_DIR}/${_child} AND EXISTS ${CMAKE_CURRENT_SOURCE_DIR}/${_child}/CMakeLists.txt)
      add_subdirectory(${_child})
    endif()
  endforeach()
endmacro()

# The loopback-only Cyclone DDS configuration every test and demo uses (DESIGN.md).
set(OPSDECK_DDS_LOOPBACK_XML ${PROJECT_SOURCE_DIR}/resources/dds/cyclonedds-loopback.xml)

# opsdeck_add_test(<name> SOURCES ... [LIBRARIES ...] [LABELS ...] [TIMEOUT s] [GL])
# One QtTest executable per class or behaviour, registered with CTest.
# Widget tests run on the offscreen platform; GL tests (GL) need a real X
# server and get the label "gl": scripts/test.sh runs ctest under xvfb-run.
function(opsdeck_add_test name)
  cmake_parse_arguments(T "GL" "TIMEOUT" "SOURCES;LIBRARIES;LABELS" ${ARGN})
  add_executable(${name} ${T_SOURCES})
  target_link_libraries(${name} PRIVATE Qt6::Test ${T_LIBRARIES})
  set_target_properties(${name} PROPERTIES AUTOMOC ON)
  opsdeck_warnings(${name})
  add_test(NAME ${name} COMMAND ${name})
  if(NOT T_TIMEOUT)
    set(T_TIMEOUT 120)
  endif()
  if(T_GL)
    set(_platform xcb)
    list(APPEND T_LABELS gl)
  else()
    set(_platform offscreen)
  endif()
  set_tests_properties(${name} PROPERTIES
    LABELS "${T_LABELS}"
    TIMEOUT ${T_TIMEOUT}
    ENVIRONMENT "QT_QPA_PLATFORM=${_platform};CYCLONEDDS_URI=file://${OPSDECK_DDS_LOOPBACK_XML};OPSDECK_SOURCE_DIR=${PROJECT_SOURCE_DIR};QT_LOGGING_RULES=*.debug=false")
endfunction()

# opsdeck_add_bench(<name> SOURCES ... [LIBRARIES ...])
# A benchmark executable; scripts/bench.sh runs every one of them (they are
# listed in ${CMAKE_BINARY_DIR}/bench/benchmarks.txt) and collects BENCH lines.
function(opsdeck_add_bench name)
  cmake_parse_arguments(B "" "" "SOURCES;LIBRARIES" ${ARGN})
  add_executable(${name} ${B_SOURCES})
  target_link_libraries(${name} PRIVATE ${B_LIBRARIES})
  opsdeck_warnings(${name})
  set_property(GLOBAL APPEND PROPERTY OPSDECK_BENCHMARKS "$<TARGET_FILE:${name}>")
endfunction()

# opsdeck_add_fuzz_target(<name> SOURCES ... [LIBRARIES ...])
# A libFuzzer target (LLVMFuzzerTestOneInput). With OPSDECK_FUZZ=ON (clang,
# scripts/fuzz.sh) it is built as a real fuzzer with ASan/UBSan. In every
# build it is also built as <name>_corpus, a CTest test that replays the kept
# corpus and crash reproducers in tests/fuzz/corpus/<name>/, so a fixed crash
# stays fixed.
function(opsdeck_add_fuzz_target name)
  cmake_parse_arguments(F "" "" "SOURCES;LIBRARIES" ${ARGN})
  set(_corpus ${PROJECT_SOURCE_DIR}/tests/fuzz/corpus/${name})
  if(OPSDECK_FUZZ)
    add_executable(${name} ${F_SOURCES})
    target_link_libraries(${name} PRIVATE ${F_LIBRARIES})
    target_compile_options(${name} PRIVATE -fsanitize=fuzzer,address,undefined)
    target_link_options(${name} PRIVATE -fsanitize=fuzzer,address,undefined)
  endif()
  add_executable(${name}_corpus ${F_SOURCES} ${PROJECT_SOURCE_DIR}/tests/fuzz/corpusmain.cpp)
  target_link_libraries(${name}_corpus PRIVATE ${F_LIBRARIES})
  opsdeck_warnings(${name}_corpus)
  if(OPSDECK_BUILD_TESTS)
    add_test(NAME ${name}_corpus COMMAND ${name}_corpus ${_corpus})
    set_tests_properties(${name}_corpus PROPERTIES LABELS "fuzz" TIMEOUT 300
      ENVIRONMENT "QT_QPA_PLATFORM=offscreen;CYCLONEDDS_URI=file://${OPSDECK_DDS_LOOPBACK_XML}")
  endif()
endfunction()
