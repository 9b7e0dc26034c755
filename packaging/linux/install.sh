#!/bin/sh
# Install Satellitkontoret from this unpacked folder (satellitkontor-VERSION-linux-x86_64.tar.gz).
#
#   ./install.sh                      for yourself: ~/.local/lib/satellitkontor, ~/.local/bin,
#                                     the menu entry and icons under ~/.local/share
#   sudo ./install.sh --system        for every user: /opt/satellitkontor, /usr/local/bin,
#                                     /usr/local/share
#   ./install.sh --uninstall [--system]
#                                     remove the program; your database, settings and logs stay
#                                     (~/.local/share/satellitkontor, ~/.config/Umeåregionen,
#                                     ~/.local/state/satellitkontor)
set -eu
ID=se.umearegionen.Satellitkontor
here=$(cd "$(dirname "$0")" && pwd)
scope=user
action=install
for arg in "$@"; do
  case "$arg" in
    --system) scope=system ;;
    --user) scope=user ;;
    --uninstall) action=uninstall ;;
    -h|--help) sed -n '2,12p' "$0"; exit 0 ;;
    *) echo "unknown option: $arg" >&2; exit 2 ;;
  esac
done
if [ "$scope" = system ]; then
  prefix=/usr/local; appdir=/opt/satellitkontor
else
  prefix="${HOME}/.local"; appdir="${prefix}/lib/satellitkontor"
fi
share="${prefix}/share"

uninstall() {
  rm -rf "$appdir"
  rm -f "${prefix}/bin/satellitkontor" "${share}/applications/${ID}.desktop" \
        "${share}/metainfo/${ID}.metainfo.xml"
  find "${share}/icons/hicolor" -name "${ID}.*" -delete 2>/dev/null || true
}

refresh_caches() {
  command -v update-desktop-database >/dev/null 2>&1 && update-desktop-database -q "${share}/applications" || true
  command -v gtk-update-icon-cache >/dev/null 2>&1 && gtk-update-icon-cache -q -t "${share}/icons/hicolor" || true
}

if [ "$action" = uninstall ]; then
  uninstall
  refresh_caches
  echo "Satellitkontoret is removed ($scope). Your data and settings are kept."
  exit 0
fi

uninstall  # an older version's files go first
mkdir -p "$appdir" "${prefix}/bin"
cp -a "${here}/satellitkontor/." "$appdir/"
ln -sf "${appdir}/satellitkontor" "${prefix}/bin/satellitkontor"
mkdir -p "$share"
cp -a "${here}/share/." "$share/"
# the menu entry starts the program by its full path: ~/.local/bin need not be on PATH
sed -i "s|^Exec=satellitkontor|Exec=${appdir}/satellitkontor|" "${share}/applications/${ID}.desktop"
refresh_caches
echo "Satellitkontoret $(cat "${here}/VERSION") is installed ($scope): ${prefix}/bin/satellitkontor"
case ":${PATH}:" in
  *":${prefix}/bin:"*) ;;
  *) echo "Note: ${prefix}/bin is not on your PATH (for the command line); the menu entry works anyway." ;;
esac
