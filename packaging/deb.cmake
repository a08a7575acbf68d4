# The .deb, by CPack: `cpack -G DEB -B OUT --config BUILD/CPackConfig.cmake` once rapport,
# rapport-cli and rapport_desktop are built (packaging/check-deb.sh does it all and
# installs the result). Included last by the top CMakeLists.txt.
#
# Only the install() rules of the component "rapport" go in: the two programs and
# packaging/desktop's files. Test suites, prosody-fixture and benchmarks have no such
# rule, and anything installed without a component later stays out too.
set(CPACK_GENERATOR DEB)
set(CPACK_PACKAGE_NAME rapport)
set(CPACK_PACKAGE_VENDOR "The Rapport team")
set(CPACK_PACKAGE_VERSION ${PROJECT_VERSION})
set(CPACK_PACKAGE_DESCRIPTION_SUMMARY "chat, shared answers and team tips for support engineers")
# Lines under 80 characters: dpkg shows them as they are.
string(JOIN "\n" CPACK_PACKAGE_DESCRIPTION
    "Rapport is a desktop client for support engineers: chat with customers and"
    "colleagues, reuse and share the answers that worked, and read short tips from"
    "the team. It speaks standard XMPP over WebSocket (RFC 7395) to the team's own"
    "server (Prosody or ejabberd), keeps everything in a local store and works"
    "offline."
    ""
    "The package contains the desktop app, rapport, and rapport-cli, the same"
    "client for scripts, bots and administrators, with JSON output.")
set(CPACK_INSTALL_CMAKE_PROJECTS "${CMAKE_BINARY_DIR};${PROJECT_NAME};rapport;/")
set(CPACK_PACKAGING_INSTALL_PREFIX /usr)
# Debian's layout: directories 0755 whatever the umask of the build, binaries stripped
# (a RelWithDebInfo build carries its debug info otherwise).
set(CPACK_INSTALL_DEFAULT_DIRECTORY_PERMISSIONS
    OWNER_READ OWNER_WRITE OWNER_EXECUTE GROUP_READ GROUP_EXECUTE WORLD_READ WORLD_EXECUTE)
set(CPACK_STRIP_FILES ON)

set(CPACK_DEBIAN_FILE_NAME DEB-DEFAULT)
set(CPACK_DEBIAN_PACKAGE_MAINTAINER
    "Rapport maintainers <maintainers@users.noreply.r-seed-ca5c2602.example>")
set(CPACK_DEBIAN_PACKAGE_SECTION net)
set(CPACK_DEBIAN_PACKAGE_PRIORITY optional)
set(CPACK_DEBIAN_PACKAGE_HOMEPAGE ${PROJECT_HOMEPAGE_URL})
# The libraries the programs link come from dpkg-shlibdeps (dpkg-dev). Qt loads some of
# what the app needs as plugins, which it cannot see: the SQLite driver of the store (a
# package of its own), and the SVG icon engine (libqt6svg6, also linked, so listed for
# clarity). The xcb platform and the TLS backend come with libqt6gui6 and libqt6network6.
set(CPACK_DEBIAN_PACKAGE_SHLIBDEPS ON)
set(CPACK_DEBIAN_PACKAGE_DEPENDS "libqt6sql6-sqlite, libqt6svg6")
# Wayland without XWayland. (libqt6keychain1 recommends the keyring the password goes to.)
set(CPACK_DEBIAN_PACKAGE_RECOMMENDS "qt6-wayland")

include(CPack)
