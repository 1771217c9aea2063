#!/usr/bin/env bash
# Builds the debugger's test guests (test/debug-adapter/) into test/guests/bin/: like build.sh's bare
# guests (shared runtime, committed ELFs), but at -O0 with frame pointers so every line has code and
# stepping is predictable. Not part of the QEMU differential set (their output is not recorded).
# Needs riscv64-unknown-elf-gcc (see build.sh).
set -euo pipefail
cd "$(dirname "$0")"
CC=${CC:-riscv64-unknown-elf-gcc}
COMMON=src/common
TMP=build-debug
mkdir -p bin "$TMP"
DBG="-g -fdebug-prefix-map=$PWD=test/guests"
COPT="-march=rv32ima_zicsr_zifencei -mabi=ilp32 -mcmodel=medany $DBG -O0 -fno-omit-frame-pointer -Wall \
 -ffreestanding -fno-builtin -I$COMMON"
LOPT="-march=rv32ima -mabi=ilp32 -nostdlib -nostartfiles -T$COMMON/link.ld -Wl,--no-warn-rwx-segments -Wl,--build-id=none"

objs=()
for s in $COMMON/start.S $COMMON/lib.c src/debug/debug-demo.c; do
  o="$TMP/debug-demo-$(basename "${s%.*}").o"
  $CC $COPT -c "$s" -o "$o"
  objs+=("$o")
done
$CC $LOPT "${objs[@]}" -lgcc -o bin/debug-demo.elf
rm -rf "$TMP"
echo "built bin/debug-demo.elf"
