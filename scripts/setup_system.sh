#!/bin/sh
# Installs what the browser tests need from Debian: chromium and a CJK font.
# As root it installs them; otherwise it says what to install.
set -e
need=""
[ -x /usr/bin/chromium ] || need="chromium"
fc-list 2>/dev/null | grep -qiE "wqy|noto sans cjk|noto serif cjk|droid sans fallback" || need="$need fonts-wqy-microhei"
[ -z "$need" ] && exit 0
if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
  echo "installing Debian packages:$need"
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq $need >/dev/null
else
  echo "The browser tests need Debian packages:$need"
  echo "Install them with: sudo apt-get install$need"
  exit 1
fi
