#!/usr/bin/env bash
# Rebuilds the C example guest (c/hello.elf) when the RISC-V toolchain is installed; without it the
# committed ELF stays as it is, so F5 works on any machine. The assembly examples (asm/) need no
# build: Translucent assembles them when they are launched.
# Toolchain (Debian): apt-get install gcc-riscv64-unknown-elf picolibc-riscv64-unknown-elf
set -euo pipefail
cd "$(dirname "$0")"
CC=${CC:-riscv64-unknown-elf-gcc}
if ! command -v "$CC" >/dev/null 2>&1; then
  echo "build.sh: $CC is not installed; keeping the prebuilt ELF"
  exit 0
fi

# Compile with the extensions the code uses, but link with plain rv32imac: GCC 12's multilib
# selection picks the rv64 libraries for an -march with _zicsr_zifencei.
CC_ARCH="-march=rv32imac_zicsr_zifencei -mabi=ilp32"
LD_ARCH="-march=rv32imac -mabi=ilp32"
# Relative paths in the debug info: the ELFs are the same wherever they are built, and the
# debugger finds the sources by their path inside this folder.
DBG="-g -fdebug-prefix-map=$PWD=."

mkdir -p build
$CC $CC_ARCH -mcmodel=medany $DBG -Og -Wall -Wextra --specs=picolibc.specs -c c/main.c -o build/main.o
$CC $CC_ARCH -mcmodel=medany $DBG -Og -Wall -Wextra --specs=picolibc.specs -c c/uart.c -o build/uart.o
$CC $CC_ARCH $DBG -c c/start.S -o build/start.o
# The entry point is start.S's `reset`, which jumps to picolibc's crt0 (stack, .data, .bss, TLS);
# picolibc's memory map is given here (RAM only, as on virt).
$CC $LD_ARCH -g --specs=picolibc.specs --crt0=hosted -Wl,--entry=reset \
  -Wl,--defsym=__flash=0x80000000 -Wl,--defsym=__flash_size=0x00200000 \
  -Wl,--defsym=__ram=0x80200000 -Wl,--defsym=__ram_size=0x00200000 \
  -Wl,--defsym=__stack_size=0x4000 -Wl,--no-warn-rwx-segments -Wl,--build-id=none \
  build/start.o build/main.o build/uart.o -o c/hello.elf

rm -rf build
echo "build.sh: built c/hello.elf"
