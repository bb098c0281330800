#!/bin/sh
# Renders the app icon from icon.svg (needs: apt-get install -y librsvg2-bin imagemagick icnsutils).
# The PNG/ICO/ICNS files are committed; run this only after changing icon.svg.
set -e
cd "$(dirname "$0")"
for s in 16 24 32 48 64 128 256 512 1024; do rsvg-convert -w $s -h $s icon.svg -o ${s}x${s}.png; done
cp 1024x1024.png icon.png
convert 16x16.png 24x24.png 32x32.png 48x48.png 64x64.png 128x128.png 256x256.png icon.ico
png2icns icon.icns 16x16.png 32x32.png 48x48.png 128x128.png 256x256.png 512x512.png 1024x1024.png
