#!/bin/sh
# Installs what the tests and the benchmark need from Debian: chromium and a CJK font for the
# browser tests, nginx (with brotli when packaged) for the server tests, wrk for the load figures,
# poppler-utils and LibreOffice (no GUI) to read back the PDFs and decks.
# As root it installs what is missing; otherwise it says what to install.
set -e
need=""
[ -x /usr/bin/chromium ] || need="$need chromium"
fc-list 2>/dev/null | grep -qiE "wqy|noto sans cjk|noto serif cjk|droid sans fallback" || need="$need fonts-wqy-microhei"
command -v nginx >/dev/null 2>&1 || [ -x /usr/sbin/nginx ] || need="$need nginx"
[ -f /usr/lib/nginx/modules/ngx_http_brotli_filter_module.so ] || need="$need libnginx-mod-http-brotli-filter"
[ -f /usr/lib/nginx/modules/ngx_http_brotli_static_module.so ] || need="$need libnginx-mod-http-brotli-static"
command -v wrk >/dev/null 2>&1 || need="$need wrk"
command -v pdftotext >/dev/null 2>&1 || need="$need poppler-utils"
# LibreOffice without a GUI (about 240 MB, no recommends): the test that opens a deck and converts it to PDF.
lean=""
command -v soffice >/dev/null 2>&1 || lean="libreoffice-impress-nogui"
[ -z "$need$lean" ] && exit 0
if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
  echo "installing Debian packages:$need $lean"
  apt-get update -qq
  [ -z "$need" ] || DEBIAN_FRONTEND=noninteractive apt-get install -y -qq $need >/dev/null
  [ -z "$lean" ] || DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends $lean >/dev/null
else
  echo "The tests need Debian packages:$need $lean"
  echo "Install them with: sudo apt-get install$need $lean"
  exit 1
fi
