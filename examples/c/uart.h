/* The NS16550A UART of QEMU's virt board (and Translucent's), polled: no interrupts needed. */
#ifndef UART_H
#define UART_H

void uart_putc(char c);
/* Blocks until a byte arrives on the UART. */
char uart_getc(void);

#endif
