# CPack: the packages built from the install rules (installer/ConclaveInstall.cmake).
# `cpack` in the build folder (or scripts/test-packages, which also checks them) writes
# them into <build>/packages/:
#   Linux:   conclave_<version>_<arch>.deb and conclave-<version>-Linux.tar.gz
#   Windows: an NSIS installer (conclave-<version>-win64.exe)
#   macOS:   a DragNDrop disk image with Conclave.app (conclave-<version>-Darwin.dmg)
# The version is project(VERSION) in the top CMakeLists.txt, the one the binaries print.
# docs/packaging.md says what each package needs from the system and how it is verified.

set(CPACK_PACKAGE_NAME conclave)
set(CPACK_PACKAGE_VENDOR "Conclave")
set(CPACK_PACKAGE_VERSION ${PROJECT_VERSION})
set(CPACK_PACKAGE_DESCRIPTION_SUMMARY "Chat with language models on your own computer")
set(CPACK_PACKAGE_DESCRIPTION
    "Conclave is a desktop chat application that runs quantized language models, mixtures of "
    "experts included, on your own machine: offline and private, on the processor or any Vulkan "
    "graphics card. It opens GGUF model files, keeps every conversation with full-text search, "
    "and shows answers as Markdown with highlighted code. conclave-cli inspects models and runs "
    "them from a terminal.")
string(JOIN "" CPACK_PACKAGE_DESCRIPTION ${CPACK_PACKAGE_DESCRIPTION})
set(CPACK_PACKAGE_CONTACT "Conclave maintainers <maintainers@users.noreply.r-seed-2f631315.example>")
set(CPACK_PACKAGE_INSTALL_DIRECTORY Conclave)
set(CPACK_PACKAGE_EXECUTABLES conclave Conclave)
set(CPACK_OUTPUT_FILE_PREFIX ${CMAKE_BINARY_DIR}/packages)
set(CPACK_STRIP_FILES ON)
# Values reach CPackConfig.cmake exactly as written here (the NSIS commands' backslashes).
set(CPACK_VERBATIM_VARIABLES ON)

if(WIN32)
    set(CPACK_GENERATOR NSIS)
elseif(APPLE)
    set(CPACK_GENERATOR DragNDrop)
else()
    set(CPACK_GENERATOR DEB TGZ)
endif()

# Debian and Ubuntu. The libraries the binaries link (Qt 6, the C++ runtime, …) become Depends
# through dpkg-shlibdeps. It cannot see what Qt loads at run time, so those are named here:
# the platform plugins and the QML modules the UI imports (QtQuick, Controls, Layouts, Dialogs
# and what they import in turn; the same list scripts/bootstrap installs). Recommended, as the
# app works without them: KDE's highlighter for code blocks (kate-syntax-highlighter, run out of
# process; code stays plain without it), the Vulkan loader and a Vulkan driver (opened with
# dlopen; without them everything runs on the CPU), and Wayland support.
set(CPACK_DEBIAN_FILE_NAME DEB-DEFAULT)
set(CPACK_DEBIAN_PACKAGE_SECTION utils)
set(CPACK_DEBIAN_PACKAGE_PRIORITY optional)
set(CPACK_DEBIAN_PACKAGE_SHLIBDEPS ON)
# CPack puts the summary first; this is the long description under it, in lines of under 80.
string(JOIN "\n" CPACK_DEBIAN_PACKAGE_DESCRIPTION
    "Conclave is a desktop chat application that runs quantized language models,"
    "mixtures of experts included, on your own machine: offline and private, on"
    "the processor or any Vulkan graphics card. It opens GGUF model files, keeps"
    "every conversation with full-text search, and shows answers as Markdown with"
    "highlighted code. conclave-cli inspects models and runs them from a terminal.")
string(JOIN ", " CPACK_DEBIAN_PACKAGE_DEPENDS
    qt6-qpa-plugins
    qml6-module-qtquick
    qml6-module-qtquick-controls
    qml6-module-qtquick-templates
    qml6-module-qtquick-layouts
    qml6-module-qtquick-window
    qml6-module-qtquick-dialogs
    qml6-module-qtquick-shapes
    qml6-module-qtqml-models
    qml6-module-qtqml-workerscript)
string(JOIN ", " CPACK_DEBIAN_PACKAGE_RECOMMENDS
    libkf5syntaxhighlighting-tools
    libvulkan1
    "mesa-vulkan-drivers | vulkan-icd"
    qt6-wayland)

# Windows (NSIS): Start-menu entry, uninstaller, and .gguf files opened with Conclave.
set(CPACK_NSIS_PACKAGE_NAME Conclave)
set(CPACK_NSIS_DISPLAY_NAME Conclave)
set(CPACK_NSIS_MUI_ICON ${PROJECT_SOURCE_DIR}/resources/icons/conclave.ico)
set(CPACK_NSIS_MUI_UNIICON ${PROJECT_SOURCE_DIR}/resources/icons/conclave.ico)
set(CPACK_NSIS_INSTALLED_ICON_NAME "bin\\conclave.exe")
set(CPACK_NSIS_EXECUTABLES_DIRECTORY bin)
set(CPACK_NSIS_MUI_FINISHPAGE_RUN conclave.exe)
set(CPACK_NSIS_ENABLE_UNINSTALL_BEFORE_INSTALL ON)
set(CPACK_NSIS_EXTRA_INSTALL_COMMANDS [[
  WriteRegStr SHCTX "Software\Classes\.gguf" "" "Conclave.Model"
  WriteRegStr SHCTX "Software\Classes\Conclave.Model" "" "GGUF language model"
  WriteRegStr SHCTX "Software\Classes\Conclave.Model\DefaultIcon" "" "$INSTDIR\bin\conclave.exe,0"
  WriteRegStr SHCTX "Software\Classes\Conclave.Model\shell\open\command" "" '"$INSTDIR\bin\conclave.exe" "%1"'
]])
set(CPACK_NSIS_EXTRA_UNINSTALL_COMMANDS [[
  DeleteRegKey SHCTX "Software\Classes\Conclave.Model"
  DeleteRegKey SHCTX "Software\Classes\.gguf"
]])

# macOS (DragNDrop): a compressed disk image holding Conclave.app.
set(CPACK_DMG_VOLUME_NAME Conclave)
set(CPACK_DMG_FORMAT UDBZ)
if(APPLE)
    set(CPACK_PACKAGE_ICON ${PROJECT_SOURCE_DIR}/resources/icons/conclave.icns) # the volume's icon
endif()

include(CPack)
