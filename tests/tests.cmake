# Check suites: every tests/<module>/check_*.c is one runner (one Suite per file),
# linked against the static library so internals (co2__*) can be tested too.
pkg_check_modules(CHECK REQUIRED IMPORTED_TARGET check)

# The program as the tests run it. Cross-compiled with CMAKE_CROSSCOMPILING_EMULATOR
# (e.g. "qemu-aarch64;-L;/usr/aarch64-linux-gnu"), ctest runs the test programs through
# the emulator, and the scripts that run co2calc themselves get emulated/co2calc, which
# does the same; Check's suites then run in one process (CK_FORK=no): qemu-user spins
# forever in the children Check forks.
set(co2_check_env CK_DEFAULT_TIMEOUT=60)
set(CO2_TEST_CLI $<TARGET_FILE:co2calc>)
set(CO2_TEST_CLI_DIR $<TARGET_FILE_DIR:co2calc>)
if(CMAKE_CROSSCOMPILING AND CMAKE_CROSSCOMPILING_EMULATOR)
  list(JOIN CMAKE_CROSSCOMPILING_EMULATOR "' '" co2_emulator)
  file(GENERATE OUTPUT ${PROJECT_BINARY_DIR}/emulated/co2calc
    CONTENT "#!/bin/sh\nexec '${co2_emulator}' '$<TARGET_FILE:co2calc>' \"$@\"\n"
    FILE_PERMISSIONS OWNER_READ OWNER_WRITE OWNER_EXECUTE GROUP_READ GROUP_EXECUTE WORLD_READ WORLD_EXECUTE)
  set(CO2_TEST_CLI ${PROJECT_BINARY_DIR}/emulated/co2calc)
  set(CO2_TEST_CLI_DIR ${PROJECT_BINARY_DIR}/emulated)
  list(APPEND co2_check_env CK_FORK=no)
endif()

file(GLOB CO2_CHECK_SOURCES CONFIGURE_DEPENDS ${PROJECT_SOURCE_DIR}/tests/*/check_*.c)
foreach(src IN LISTS CO2_CHECK_SOURCES)
  get_filename_component(name ${src} NAME_WE)
  add_executable(${name} ${src})
  target_compile_options(${name} PRIVATE ${CO2_WARNINGS})
  target_include_directories(${name} PRIVATE ${PROJECT_SOURCE_DIR}/src ${PROJECT_SOURCE_DIR}/tests)
  target_link_libraries(${name} PRIVATE co2calc_static ${CO2_DEPS} PkgConfig::CHECK)
  target_compile_definitions(${name} PRIVATE
    CO2_TEST_DATA_DIR="${PROJECT_SOURCE_DIR}/tests/data"
    CO2_SOURCE_DIR="${PROJECT_SOURCE_DIR}")
  add_test(NAME ${name} COMMAND ${name})
  set_tests_properties(${name} PROPERTIES ENVIRONMENT "${co2_check_env}")
endforeach()

# check_api compares the library's strings with what the program prints: it runs it.
target_compile_definitions(check_api PRIVATE CO2_CLI_PATH="${CO2_TEST_CLI}")
add_dependencies(check_api co2calc)

# The public headers compile alone, pedantic C11.
add_library(co2_headertest OBJECT ${PROJECT_SOURCE_DIR}/tests/headertest.c)
target_include_directories(co2_headertest PRIVATE ${PROJECT_SOURCE_DIR}/include ${PROJECT_BINARY_DIR}/include)
target_compile_options(co2_headertest PRIVATE -std=c11 -pedantic -Wall -Wextra -Werror)

# Command-line golden tests: each tests/cli/cases/NAME.sh with NAME.stdout/.exit/.stderr
# is the test cli/NAME (ctest -R cli/estimate runs a few; tests/cli/run.sh runs them all).
file(GLOB CO2_CLI_CASES CONFIGURE_DEPENDS ${PROJECT_SOURCE_DIR}/tests/cli/cases/*.sh)
foreach(sh IN LISTS CO2_CLI_CASES)
  get_filename_component(case ${sh} NAME_WE)
  add_test(NAME cli/${case}
    COMMAND bash ${PROJECT_SOURCE_DIR}/tests/cli/run.sh ${CO2_TEST_CLI}
            ${PROJECT_SOURCE_DIR}/tests/cli/cases ${case})
endforeach()

# The same cases under valgrind's memcheck, for what AddressSanitizer cannot see: reads
# of uninitialised memory (invalid accesses and leaks are the sanitizer build's). Only
# the cases of tests/cli/memcheck.txt, one per command, format and reader, so that it
# stays seconds, not minutes; on when CO2_TEST_MEMCHECK is (scripts/test.sh sets it).
option(CO2_TEST_MEMCHECK "Also run the CLI cases of tests/cli/memcheck.txt under valgrind" OFF)
if(CO2_TEST_MEMCHECK AND NOT CMAKE_CROSSCOMPILING)
  find_program(CO2_VALGRIND valgrind REQUIRED)
  file(GENERATE OUTPUT ${PROJECT_BINARY_DIR}/memcheck-co2calc
    CONTENT "#!/bin/sh\nexec ${CO2_VALGRIND} -q --leak-check=no --error-exitcode=99 $<TARGET_FILE:co2calc> \"$@\"\n"
    FILE_PERMISSIONS OWNER_READ OWNER_WRITE OWNER_EXECUTE GROUP_READ GROUP_EXECUTE WORLD_READ WORLD_EXECUTE)
  file(STRINGS ${PROJECT_SOURCE_DIR}/tests/cli/memcheck.txt CO2_MEMCHECK_CASES REGEX "^[a-z]")
  set_property(DIRECTORY APPEND PROPERTY CMAKE_CONFIGURE_DEPENDS ${PROJECT_SOURCE_DIR}/tests/cli/memcheck.txt)
  foreach(case IN LISTS CO2_MEMCHECK_CASES)
    add_test(NAME memcheck/${case}
      COMMAND bash ${PROJECT_SOURCE_DIR}/tests/cli/run.sh ${PROJECT_BINARY_DIR}/memcheck-co2calc
              ${PROJECT_SOURCE_DIR}/tests/cli/cases ${case})
  endforeach()
endif()

# Data check over the bundled data.
add_test(NAME data_check COMMAND ${CO2_TEST_CLI} data check)
# Every example of the README and of docs/*.md is real output of this build: one test
# per file, doc/README, doc/estimating, ...
file(GLOB CO2_DOC_PAGES CONFIGURE_DEPENDS ${PROJECT_SOURCE_DIR}/docs/*.md)
foreach(md IN ITEMS ${PROJECT_SOURCE_DIR}/README.md LISTS CO2_DOC_PAGES)
  get_filename_component(page ${md} NAME_WE)
  add_test(NAME doc/${page} COMMAND python3 ${PROJECT_SOURCE_DIR}/tests/readme_examples.py
           ${md} ${CO2_TEST_CLI_DIR})
endforeach()
# and every link between them leads to a file and a heading that exist.
add_test(NAME doc_links COMMAND python3 ${PROJECT_SOURCE_DIR}/tests/doc_links.py ${PROJECT_SOURCE_DIR})
# The converter's own checker (schema, sources, collisions, the reference figures).
add_test(NAME data_check_py COMMAND python3 ${PROJECT_SOURCE_DIR}/scripts/check-data.py
         ${PROJECT_SOURCE_DIR}/data)

# The example program runs.
add_test(NAME example_estimate COMMAND example_estimate)

# Fuzz corpora and crash regressions, replayed by the normal build (see tests/fuzz/).
file(GLOB CO2_FUZZ_TARGETS CONFIGURE_DEPENDS ${PROJECT_SOURCE_DIR}/tests/fuzz/fuzz_*.c)
foreach(src IN LISTS CO2_FUZZ_TARGETS)
  get_filename_component(name ${src} NAME_WE)
  string(REPLACE "fuzz_" "" target ${name})
  add_executable(replay_${target} ${src} ${PROJECT_SOURCE_DIR}/tests/fuzz/replay.c)
  target_compile_options(replay_${target} PRIVATE ${CO2_WARNINGS})
  target_include_directories(replay_${target} PRIVATE ${PROJECT_SOURCE_DIR}/src)
  target_link_libraries(replay_${target} PRIVATE co2calc_static ${CO2_DEPS})
  add_test(NAME fuzz_replay_${target} COMMAND replay_${target}
    ${PROJECT_SOURCE_DIR}/tests/fuzz/corpus/${target}
    ${PROJECT_SOURCE_DIR}/tests/fuzz/regressions/${target})
endforeach()

# co2calc sacct against GreenAlgorithms4HPC's formula on fresh logs (skips without the
# shared folder; the frozen logs are checked by check_sacct everywhere).
add_test(NAME sacct_vs_ga4hpc
  COMMAND bash ${PROJECT_SOURCE_DIR}/tests/sacct_vs_ga4hpc.sh ${CO2_TEST_CLI})

# Teaching exercises: each examples/exercises/*/checks line run through the CLI.
add_test(NAME exercises
  COMMAND bash ${PROJECT_SOURCE_DIR}/tests/exercises.sh ${CO2_TEST_CLI}
          ${PROJECT_SOURCE_DIR}/examples/exercises)

# Every answer of the exercises (answers.yaml) is what its co2calc command computes, and
# 'co2calc exercise check' reads the answers as PyYAML does.
add_test(NAME exercise_answers
  COMMAND /usr/bin/python3 ${PROJECT_SOURCE_DIR}/tests/exercise_answers.py ${CO2_TEST_CLI}
          ${PROJECT_SOURCE_DIR}/examples/exercises)

# The layering rule (base <- data <- model <- formats <- cli; the CLI on the public API only),
# by includes and by the symbols of each layer's objects.
add_test(NAME layers
  COMMAND /usr/bin/python3 ${PROJECT_SOURCE_DIR}/scripts/check-layers.py ${PROJECT_SOURCE_DIR}
          ${PROJECT_BINARY_DIR})

# The ranges against measured training runs: every held-out run inside its range
# (tests/data/measured-runs.yaml; Debian's python3 with python3-yaml).
add_test(NAME calibration
  COMMAND /usr/bin/python3 ${PROJECT_SOURCE_DIR}/tests/calibration.py ${CO2_TEST_CLI})

# The man pages render without a warning and libco2calc(3) names only declared functions;
# the bash completion completes commands, options, their values and the data's names.
add_test(NAME man_pages
  COMMAND bash ${PROJECT_SOURCE_DIR}/tests/man.sh ${CO2_DOC_DIR} ${PROJECT_SOURCE_DIR}/include/co2calc)
add_test(NAME completion
  COMMAND bash ${PROJECT_SOURCE_DIR}/tests/completion.sh ${CO2_DOC_DIR}/bash/co2calc
          ${CO2_TEST_CLI_DIR} ${CO2_DOC_DIR}/zsh/_co2calc)
set_tests_properties(man_pages completion PROPERTIES SKIP_RETURN_CODE 77)
