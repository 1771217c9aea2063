/*
 * The debugger's test guest (test/debug-adapter/): built at -O0 with frame pointers so every source
 * line has code and stepping is predictable. Calls to step over and into, recursion for stack traces,
 * globals to watch, a loop the debugger can make spin, traps and a timer interrupt for the exception
 * filters, and console input when asked. Exits with status 7.
 */
#include "runtime.h"

volatile uint32_t counter;          /* bump() writes it: data breakpoints */
volatile uint32_t release = 1;      /* spin() waits while it is 0: the pause test clears it */
volatile uint32_t want_input;       /* set by the input test: echo one line from the UART */
uint32_t table[4] = {1, 2, 3, 4};
static volatile int ticks;

int add(int a, int b)
{
    int sum = a + b;
    return sum;
}

int factorial(int n)
{
    if (n <= 1)
        return 1;
    return n * factorial(n - 1);
}

void bump(void)
{
    counter = counter + 1;
}

void spin(void)
{
    while (!release)
        ;
}

static void hook(struct trap_frame *f)
{
    if (f->mcause == 0x80000007u) {   /* machine timer: silence it */
        REG32(CLINT_MTIMECMP + 4) = 0xffffffffu;
        REG32(CLINT_MTIMECMP) = 0xffffffffu;
        ticks++;
        return;
    }
    trap_record(f);
}

void traps(void)
{
    __asm__ volatile("ebreak");
    __asm__ volatile(".4byte 0xffffffff");              /* illegal instruction */
    (void)*(volatile uint32_t *)(uintptr_t)0x4;          /* load access fault */
}

void timer_once(void)
{
    uint32_t now = REG32(CLINT_MTIME);
    REG32(CLINT_MTIMECMP + 4) = 0;
    REG32(CLINT_MTIMECMP) = now + 100;
    csr_set(mie, MIP_MTIP);
    csr_set(mstatus, MSTATUS_MIE);
    while (!ticks)
        __asm__ volatile("wfi");
    csr_clear(mstatus, MSTATUS_MIE);
}

void echo_line(void)
{
    char buf[32];
    int n = 0;
    for (;;) {
        while ((REG8(UART_BASE + 5) & 1) == 0)
            ;
        char c = (char)REG8(UART_BASE);
        if (c == '\r' || c == '\n' || n == (int)sizeof buf - 1)
            break;
        buf[n++] = c;
    }
    buf[n] = 0;
    pr("got: %s\n", buf);
}

int main(void)
{
    trap_hook = hook;
    int x = add(2, 3);
    int f = factorial(5);
    for (int i = 0; i < 3; i++)
        bump();
    spin();
    traps();
    timer_once();
    if (want_input)
        echo_line();
    pr("x=%d f=%d counter=%u traps=%u ticks=%d\n", x, f, (unsigned)counter, (unsigned)last_trap.count, ticks);
    return 7;
}
