// Compiled only so that its target builds the suites' shared precompiled header
// (tests/CMakeLists.txt, socketlab_add_suites). It defines nothing.
