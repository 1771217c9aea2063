#!/usr/bin/env bash
# Re-records test/guests/expected/* from qemu-system-riscv32 (see record-qemu.js).
#   test/guests/record-qemu.sh [--check] [name...]
exec node "$(dirname "$0")/record-qemu.js" "$@"
