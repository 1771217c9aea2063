# An S-mode program for the built-in SBI firmware (`--bios builtin`): each check prints its letter
# through the legacy console, preceded by '!' when it fails; the run ends with an SRST shutdown.
# What it checks is listed in sbi-guest.test.ts.

        .equ BASE, 0x10
        .equ TIME, 0x54494d45
        .equ IPI, 0x735049
        .equ RFENCE, 0x52464e43
        .equ HSM, 0x48534d
        .equ SRST, 0x53525354

        # sbi EXT, FID: the call with a0..a2 as set; result in s2 (error) and s3 (value).
        .macro sbi ext, fid
        li a7, \ext
        li a6, \fid
        ecall
        mv s2, a0
        mv s3, a1
        .endm

        # expect TAG, ERROR, VALUE: s2 == ERROR and s3 == VALUE.
        .macro expect tag, err, val
        li t0, \err
        li t1, \val
        li t2, \tag
        call check2
        .endm

        # expect_err TAG, ERROR: s2 == ERROR.
        .macro expect_err tag, err
        mv s3, zero
        expect \tag, \err, 0
        .endm

        # expect_reg TAG, REG, VALUE: any register against a value.
        .macro expect_reg tag, reg, val
        mv s2, \reg
        expect_err \tag, \val
        .endm

        .text
        .globl _start
_start:
        la t0, trap
        csrw stvec, t0
        mv s0, a0
        mv s1, a1
        li s4, 0                        # scause of the last trap (the handler sets it)

        # A: a0 = hart id 0, a1 = a device tree
        expect_reg 'A', s0, 0
        lw t3, 0(s1)
        li t4, 0xedfe0dd0
        sub t3, t3, t4
        expect_reg 'a', t3, 0

        # B..I: BASE
        sbi BASE, 0
        expect 'B', 0, 0x01000000
        sbi BASE, 1
        expect 'C', 0, 0x544c
        li a0, TIME
        sbi BASE, 3
        expect 'D', 0, 1
        li a0, 0x12345678
        sbi BASE, 3
        expect 'E', 0, 0
        li a0, 0x01
        sbi BASE, 3
        expect 'F', 0, 1
        sbi BASE, 4
        expect 'G', 0, 0
        sbi 0x0a000000, 0
        expect_err 'H', -2
        sbi BASE, 7
        expect_err 'I', -2

        # J..L: HSM status and start for one hart
        li a0, 0
        sbi HSM, 2
        expect 'J', 0, 0
        li a0, 1
        sbi HSM, 2
        expect_err 'K', -3
        li a0, 0
        sbi HSM, 0
        expect_err 'L', -6

        # M: an IPI to ourselves raises SSIP, taken once interrupts are on
        li a0, 1
        li a1, 0
        sbi IPI, 0
        expect 'M', 0, 0
        csrr t3, sip
        andi t3, t3, 2
        expect_reg 'm', t3, 2
        csrsi sie, 2
        csrsi sstatus, 2
        nop
        csrci sstatus, 2
        csrci sie, 2
        li t3, 0x80000001
        sub t3, s4, t3
        expect_reg 'n', t3, 0

        # N, O: hart masks naming a hart that does not exist; base -1 means all
        li a0, 2
        li a1, 0
        sbi IPI, 0
        expect_err 'N', -3
        li a0, 0
        li a1, -1
        sbi RFENCE, 1
        expect 'O', 0, 0
        csrci sip, 2

        # P: hypervisor fences are not there
        li a0, 1
        li a1, 0
        sbi RFENCE, 3
        expect_err 'P', -2

        # Q: set_timer, then wfi: the supervisor timer interrupt arrives; the handler stops the timer
        li s4, 0
        rdtime a0
        rdtimeh a1
        addi a0, a0, 100
        sltiu t3, a0, 100
        add a1, a1, t3
        sbi TIME, 0
        expect 'Q', 0, 0
        li t3, 0x20
        csrs sie, t3
        csrsi sstatus, 2
1:      wfi
        beqz s4, 1b
        csrci sstatus, 2
        li t3, 0x80000005
        sub t3, s4, t3
        expect_reg 'q', t3, 0
        csrr t3, sip
        andi t3, t3, 0x20
        expect_reg 'r', t3, 0

        # R: a deadline already passed raises STIP at once; a later one clears it
        li a0, 0
        li a1, 0
        sbi TIME, 0
        csrr t3, sip
        andi t3, t3, 0x20
        expect_reg 'R', t3, 0x20
        li a0, -1
        li a1, -1
        sbi 0x00, 0
        csrr t3, sip
        andi t3, t3, 0x20
        expect_reg 'S', t3, 0

        # T: an illegal instruction in S-mode comes back to S-mode
        li s4, 0
        csrr t3, mstatus
        expect_reg 'T', s4, 2
        li t3, 0x30002e73               # csrr t3, mstatus
        sub t3, s5, t3
        expect_reg 't', t3, 0

        # U: counters are readable from S-mode
        rdcycle t3
        rdinstret t4
        expect_reg 'U', s4, 2

        # V: legacy console_getchar with no input
        li a7, 0x02
        ecall
        expect_reg 'V', a0, -1

        # W: legacy send_ipi with a mask in memory, then legacy clear_ipi
        la a0, mask_hart0
        li a7, 0x04
        ecall
        csrr t3, sip
        andi t3, t3, 2
        expect_reg 'W', t3, 2
        li a7, 0x03
        ecall
        csrr t3, sip
        andi t3, t3, 2
        expect_reg 'w', t3, 0

        # X: a legacy mask pointer nothing answers at: the load fault comes back at the ecall
        li s4, 0
        li a0, 4
        li a7, 0x05
        la s6, 2f
2:      ecall
        expect_reg 'X', s4, 5
        sub t3, s7, s6
        expect_reg 'x', t3, 0
        addi t3, s5, -4
        expect_reg 'y', t3, 0

        # Y: retentive suspend returns once the (masked) timer is pending
        rdtime a0
        rdtimeh a1
        addi a0, a0, 50
        sltiu t3, a0, 50
        add a1, a1, t3
        sbi TIME, 0
        li t3, 0x20
        csrs sie, t3
        li a0, 0
        sbi HSM, 3
        expect 'Y', 0, 0
        csrr t3, sip
        andi t3, t3, 0x20
        expect_reg 'Z', t3, 0x20
        csrc sie, t3
        li a0, -1
        li a1, -1
        sbi TIME, 0

        # 0, 1: SRST refuses a reserved type and an unimplemented vendor type
        li a0, 5
        li a1, 0
        sbi SRST, 0
        expect_err '0', -3
        li a0, 0xf0000000
        li a1, 0
        sbi SRST, 0
        expect_err '1', -2

        # 2, 3: non-retentive suspend resumes at the given address with a0 = hart id, a1 = opaque
        rdtime a0
        rdtimeh a1
        addi a0, a0, 50
        sltiu t3, a0, 50
        add a1, a1, t3
        sbi TIME, 0
        li t3, 0x20
        csrs sie, t3
        li a0, 0x80000000
        la a1, resumed
        li a2, 0x1234
        sbi HSM, 3
        expect_err '2', 0x7fffffff      # not reached: the call does not return
resumed:
        mv s8, a0
        mv s9, a1
        li t3, 0x20
        csrc sie, t3
        li a0, -1
        li a1, -1
        sbi TIME, 0
        expect_reg '2', s8, 0
        li t3, 0x1234
        sub t3, s9, t3
        expect_reg '3', t3, 0

        li a0, '\n'
        li a7, 0x01
        ecall
        li a0, 0
        li a1, 0
        sbi SRST, 0
        j .

# check2: s2 == t0 and s3 == t1 print t2, else '!' then t2.
check2:
        bne s2, t0, 1f
        bne s3, t1, 1f
        j 2f
1:      li a0, '!'
        li a7, 0x01
        ecall
2:      mv a0, t2
        li a7, 0x01
        ecall
        ret

        .align 2
trap:
        csrr s4, scause
        csrr s5, stval
        csrr s7, sepc
        bltz s4, 1f
        csrr t5, sepc
        addi t5, t5, 4
        csrw sepc, t5
        sret
1:      andi t5, s4, 0xff
        li t6, 1
        bne t5, t6, 2f
        csrci sip, 2
        sret
2:      # the supervisor timer: stop it (a7/a6/a0/a1 are the handler's to clobber here)
        li a0, -1
        li a1, -1
        li a7, 0x00
        ecall
        sret

        .data
        .align 2
mask_hart0:
        .word 1
