#!/bin/sh
# Builds one probe and runs it on QEMU: ./run.sh NAME [qemu args...]
# The oracle for this hart is QEMU's default rv32 CPU without the extensions we lack:
#   ./run.sh csrmap -cpu rv32,h=false,f=false,d=false
set -e
cd "$(dirname "$0")"
n=$1; shift
out=${PROBE_OUT:-/tmp/qemu-probes}
mkdir -p "$out"
extra=
if [ "$n" = csrmap ]; then
  sh gen-csrtab.sh "$out/csrtab.S"
  extra="$out/csrtab.S"
fi
riscv64-unknown-elf-gcc -march=rv32imac_zicsr_zifencei -mabi=ilp32 -O1 -nostdlib -ffreestanding -mcmodel=medany \
  -Wl,--no-warn-rwx-segments -T probe.ld -o "$out/$n.elf" crt.S lib.c "$n.c" $extra
timeout 10 qemu-system-riscv32 -M virt -bios none -nographic -kernel "$out/$n.elf" "$@"
