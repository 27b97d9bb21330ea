# The Debian package of what `cmake --install` installs (the binary, the desktop entry, the
# icons, the metainfo; the labs and translations are compiled in):
#   cmake --preset release && cmake --build --preset release && cpack --preset deb
set(SOCKETLAB_PACKAGE_MAINTAINER "SocketLab developers" CACHE STRING "The Debian package's Maintainer field")

set(CPACK_PACKAGE_NAME socketlab)
set(CPACK_PACKAGE_VENDOR SocketLab)
set(CPACK_PACKAGE_CONTACT ${SOCKETLAB_PACKAGE_MAINTAINER})
set(CPACK_PACKAGE_DESCRIPTION_SUMMARY "learn socket programming on real sockets")
string(JOIN "\n" CPACK_PACKAGE_DESCRIPTION  # one line each, as dpkg shows them
    "SocketLab teaches socket programming the way the classic tutorials on Python's"
    "socket and SocketServer modules do: it runs each lesson's server and client side"
    "by side on real sockets, step by step, with live views of socket states, buffers"
    "and the accept queue, in English and Chinese.")
set(CPACK_PACKAGING_INSTALL_PREFIX /usr)
set(CPACK_STRIP_FILES ON)

set(CPACK_DEBIAN_FILE_NAME DEB-DEFAULT)  # socketlab_0.1.0_amd64.deb
set(CPACK_DEBIAN_PACKAGE_SECTION education)
# Depends: the shared libraries the binary links (Qt 6 Core, Gui, Widgets, Network, Svg,
# the C++ runtime), found by dpkg-shlibdeps; Qt's xcb and offscreen platform plugins come
# with libqt6gui6. Recommends: python3 runs the tutorials' own programs against the labs;
# without a CJK font every Chinese character is an empty box; qt6-translations-l10n puts
# Qt's own dialogs and buttons in Chinese.
set(CPACK_DEBIAN_PACKAGE_SHLIBDEPS ON)
set(CPACK_DEBIAN_PACKAGE_RECOMMENDS "python3, fonts-wqy-microhei | fonts-noto-cjk, qt6-translations-l10n")
set(CPACK_DEBIAN_PACKAGE_SUGGESTS "qt6-wayland")  # a native Wayland window; X11 (and XWayland) work without it

include(CPack)
