#!/usr/bin/env bash
# Builds every test guest into test/guests/bin/*.elf (committed, so `npm test` needs no cross compiler).
# Needs riscv64-unknown-elf-gcc 12 with picolibc (Debian: gcc-riscv64-unknown-elf picolibc-riscv64-unknown-elf).
# Usage: test/guests/build.sh [name...]      (no names: build all)
# After rebuilding, re-record the expectations with test/guests/record-qemu.sh.
#
# GCC 12 note: objects are compiled with -march=rv32ima[c]_zicsr_zifencei, but linking must use a
# plain -march=rv32ima/rv32imac or the multilib logic silently picks the rv64 libgcc/picolibc.
set -euo pipefail
cd "$(dirname "$0")"
CC=${CC:-riscv64-unknown-elf-gcc}
COMMON=src/common
OUT=bin
TMP=build
mkdir -p "$OUT" "$TMP"

# -fdebug-prefix-map: no absolute build paths in the debug info (reproducible ELFs)
DBG="-g -fdebug-prefix-map=$PWD=test/guests"
COPT="-mabi=ilp32 -mcmodel=medany $DBG -O2 -Wall -Wno-unused-variable -ffreestanding -fno-builtin \
 -fno-tree-loop-distribute-patterns -fno-delete-null-pointer-checks -I$COMMON"
LOPT="-mabi=ilp32 -nostdlib -nostartfiles -T$COMMON/link.ld -Wl,--no-warn-rwx-segments -Wl,--build-id=none"
NOC_CC="-march=rv32ima_zicsr_zifencei"; NOC_LD="-march=rv32ima"
C_CC="-march=rv32imac_zicsr_zifencei";  C_LD="-march=rv32imac"

# bare NAME c|noc SOURCES...: shared runtime (start.S, lib.c) + the given sources.
bare() {
  local name=$1 isa=$2; shift 2
  local cc ld
  if [ "$isa" = c ]; then cc=$C_CC; ld=$C_LD; else cc=$NOC_CC; ld=$NOC_LD; fi
  local objs=() s
  for s in $COMMON/start.S $COMMON/lib.c "$@"; do
    local o="$TMP/$name-$(basename "${s%.*}").o"
    $CC $cc $COPT -c "$s" -o "$o"
    objs+=("$o")
  done
  $CC $ld $LOPT "${objs[@]}" -lgcc -o "$OUT/$name.elf"
}

# raw NAME c|noc SOURCES...: no shared runtime (the sources bring their own _start).
raw() {
  local name=$1 isa=$2; shift 2
  local cc ld
  if [ "$isa" = c ]; then cc=$C_CC; ld=$C_LD; else cc=$NOC_CC; ld=$NOC_LD; fi
  local objs=() s
  for s in "$@"; do
    local o="$TMP/$name-$(basename "${s%.*}").o"
    $CC $cc $COPT -c "$s" -o "$o"
    objs+=("$o")
  done
  $CC $ld $LOPT -Wl,--no-relax "${objs[@]}" -lgcc -o "$OUT/$name.elf"   # no gp set up: no gp relaxation
}

# pico NAME SEMIHOST(0|1) SOURCES...: picolibc C program (rv32imac), RAM-only layout.
pico() {
  local name=$1 semi=$2; shift 2
  local oslib=()
  [ "$semi" = 1 ] && oslib=(--oslib=semihost)
  $CC $C_CC -mabi=ilp32 -mcmodel=medany $DBG -O2 -Wall --specs=picolibc.specs -c "$@" -o "$TMP/$name.o"
  $CC $C_LD -mabi=ilp32 -g --specs=picolibc.specs --crt0=hosted "${oslib[@]}" \
    -Wl,--defsym=__flash=0x80000000 -Wl,--defsym=__flash_size=0x00200000 \
    -Wl,--defsym=__ram=0x80200000 -Wl,--defsym=__ram_size=0x00200000 \
    -Wl,--defsym=__stack_size=0x4000 -Wl,--no-warn-rwx-segments -Wl,--build-id=none \
    "$TMP/$name.o" -o "$OUT/$name.elf"
}

S=src
declare -A RECIPES=(
  [hello-asm]="raw hello-asm noc $S/hello-asm.S"
  [echo]="raw echo noc $S/echo.S"
  [exit-code]="bare exit-code noc $S/exit-code.c"
  [rv32i]="bare rv32i noc $S/rv32i.c"
  [rv32m]="bare rv32m noc $S/rv32m.c"
  [rv32a]="bare rv32a noc $S/rv32a.c"
  [rvc]="bare rvc c $S/rvc.c $S/rvc-ops.S"
  [traps]="bare traps noc $S/traps.c $S/traps-ops.S"
  [misaligned]="bare misaligned noc $S/misaligned.c"
  [interrupts]="bare interrupts noc $S/interrupts.c $S/interrupts-ops.S"
  [plic]="bare plic noc $S/plic.c"
  [irq-priority]="bare irq-priority noc $S/irq-priority.c"
  [priv]="bare priv noc $S/priv.c"
  [vm]="bare vm noc $S/vm.c"
  [pmp]="bare pmp noc $S/pmp.c"
  [smc]="bare smc noc $S/smc.c"
  [uart]="bare uart noc $S/uart.c"
  [htif-pass]="raw htif-pass noc $S/htif-pass.S"
  [htif-console]="raw htif-console noc $S/htif-console.S"
  [semihost-asm]="raw semihost-asm noc $S/semihost-asm.S"
  [semihost-c]="pico semihost-c 1 $S/semihost-c.c"
  [hello-c]="pico hello-c 0 $S/hello-c.c"
  [bench-mix]="bare bench-mix c $S/bench/mix.c"
  [bench-dhry]="bare bench-dhry c $S/bench/dhry.c"
  [bench-sieve]="bare bench-sieve c $S/bench/sieve.c"
  [bench-crc]="bare bench-crc c $S/bench/crc.c"
)

names=("$@")
if [ ${#names[@]} -eq 0 ]; then names=($(printf '%s\n' "${!RECIPES[@]}" | sort)); fi
for n in "${names[@]}"; do
  [ -n "${RECIPES[$n]:-}" ] || { echo "unknown guest: $n" >&2; exit 1; }
  echo "build $n"
  ${RECIPES[$n]}
done
rm -rf "$TMP"
