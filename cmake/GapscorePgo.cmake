# Profile-guided optimisation, opt-in: -DGAPSCORE_PGO=ON (GCC, Release, no
# sanitizers). A second, instrumented build of gapscore (in pgo/build under
# the build folder) scores a synthetic export of the shape users have,
# written by scripts/pgo/training_export.cpp: without and with the
# respondent id declared, on one thread and on two, with three breakdowns,
# and with survey weights (a profile of one easy case lays the others out
# as cold code); this build then compiles with that profile: hot loops laid out and
# unrolled for the paths real rows take. About 6% less CPU on the benchmark
# (docs/benchmarks.md), for about four more minutes of building on two
# cores, and any change to a source trains again, since GCC refuses a
# profile of other sources: so it is for benchmarks and packages, not for
# development. Functions the training never ran are optimised as without a
# profile.

# Set by the profile-guided build for the instrumented build it trains with.
set(GAPSCORE_PGO_GENERATE "" CACHE INTERNAL "Where the training build writes its profile")

if(GAPSCORE_PGO_GENERATE)
  set(pgo_flags -fprofile-generate=${GAPSCORE_PGO_GENERATE} -fprofile-prefix-path=${CMAKE_BINARY_DIR}
                -fprofile-update=prefer-atomic)
  target_compile_options(gapscore_codegen INTERFACE ${pgo_flags})
  target_link_options(gapscore_codegen INTERFACE ${pgo_flags})
  add_executable(gapscore_training_export ${PROJECT_SOURCE_DIR}/scripts/pgo/training_export.cpp)
  target_link_libraries(gapscore_training_export PRIVATE gapscore_warnings)
  return()
endif()
if(NOT GAPSCORE_PGO)
  return()
endif()
if(NOT CMAKE_CXX_COMPILER_ID STREQUAL "GNU" OR NOT CMAKE_BUILD_TYPE STREQUAL "Release" OR GAPSCORE_SANITIZE)
  message(WARNING "GAPSCORE_PGO needs GCC and a Release build without sanitizers; building without a profile")
  return()
endif()

set(pgo_root ${CMAKE_BINARY_DIR}/pgo)
set(pgo_profile ${pgo_root}/profile)
set(pgo_stamp ${pgo_root}/profile.stamp)
file(GLOB_RECURSE pgo_inputs CONFIGURE_DEPENDS ${PROJECT_SOURCE_DIR}/src/*.cpp ${PROJECT_SOURCE_DIR}/src/*.h
     ${PROJECT_SOURCE_DIR}/include/*.h ${PROJECT_SOURCE_DIR}/src/CMakeLists.txt ${PROJECT_SOURCE_DIR}/src/*/CMakeLists.txt)
cmake_host_system_information(RESULT pgo_jobs QUERY NUMBER_OF_LOGICAL_CORES)
set(pgo_score ${pgo_root}/build/gapscore score ${pgo_root}/export.csv -o ${pgo_root}/report.json)
set(pgo_plain -q ${PROJECT_SOURCE_DIR}/scripts/bench_questionnaire.json)
set(pgo_ids -q ${pgo_root}/ids.json)
set(pgo_weights -q ${pgo_root}/weights.json)
add_custom_command(
  OUTPUT ${pgo_stamp}
  COMMAND ${CMAKE_COMMAND} -E rm -rf ${pgo_profile}
  COMMAND ${CMAKE_COMMAND} -S ${PROJECT_SOURCE_DIR} -B ${pgo_root}/build -G ${CMAKE_GENERATOR}
          -DCMAKE_BUILD_TYPE=Release -DCMAKE_CXX_COMPILER=${CMAKE_CXX_COMPILER} -DGAPSCORE_TESTS=OFF
          -DGAPSCORE_NATIVE=${GAPSCORE_NATIVE} -DGAPSCORE_WERROR=${GAPSCORE_WERROR}
          -DGAPSCORE_PGO_GENERATE=${pgo_profile} --log-level=WARNING
  COMMAND ${CMAKE_COMMAND} -E env --unset=MAKEFLAGS ${CMAKE_COMMAND} --build ${pgo_root}/build --parallel ${pgo_jobs}
          --target gapscore gapscore_training_export
  COMMAND ${pgo_root}/build/gapscore_training_export 100000 ${pgo_root}/export.csv
          ${PROJECT_SOURCE_DIR}/scripts/bench_questionnaire.json ${pgo_root}/ids.json ${pgo_root}/weights.json
  COMMAND ${pgo_score} ${pgo_plain} --by region -j 1
  COMMAND ${pgo_score} ${pgo_ids} --by region -j 1
  COMMAND ${pgo_score} ${pgo_ids} --by region -j 2
  COMMAND ${pgo_score} ${pgo_ids} --by region --by channel --by region,channel -j 2
  COMMAND ${pgo_score} ${pgo_weights} --by region -j 2
  COMMAND ${CMAKE_COMMAND} -E touch ${pgo_stamp}
  DEPENDS ${pgo_inputs} ${PROJECT_SOURCE_DIR}/CMakeLists.txt ${CMAKE_CURRENT_LIST_FILE}
          ${PROJECT_SOURCE_DIR}/scripts/bench_questionnaire.json ${PROJECT_SOURCE_DIR}/scripts/pgo/training_export.cpp
  COMMENT "Training run for profile-guided optimisation"
  VERBATIM)
add_custom_target(gapscore_profile DEPENDS ${pgo_stamp})
add_dependencies(gapscore_core gapscore_profile)
add_dependencies(gapscore gapscore_profile)
get_target_property(pgo_core_sources gapscore_core SOURCES)
get_target_property(pgo_cli_sources gapscore SOURCES)
set_source_files_properties(${pgo_core_sources} ${pgo_cli_sources} TARGET_DIRECTORY gapscore_core gapscore
                            PROPERTIES OBJECT_DEPENDS ${pgo_stamp})
set(pgo_flags -fprofile-use=${pgo_profile} -fprofile-prefix-path=${CMAKE_BINARY_DIR} -fprofile-partial-training)
target_compile_options(gapscore_core PRIVATE ${pgo_flags})
target_compile_options(gapscore PRIVATE ${pgo_flags})
