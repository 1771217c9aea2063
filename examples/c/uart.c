#include <stdint.h>
#include <stdio.h>
#include "uart.h"

#define UART_BASE 0x10000000u
#define UART_RBR (*(volatile uint8_t *)(UART_BASE + 0))
#define UART_THR (*(volatile uint8_t *)(UART_BASE + 0))
#define UART_LSR (*(volatile uint8_t *)(UART_BASE + 5))
#define LSR_DR 0x01   /* a received byte is waiting */
#define LSR_THRE 0x20 /* the transmitter can take a byte */

void uart_putc(char c)
{
    while ((UART_LSR & LSR_THRE) == 0)
        ;
    UART_THR = (uint8_t)c;
}

char uart_getc(void)
{
    while ((UART_LSR & LSR_DR) == 0)
        ;
    return (char)UART_RBR;
}

/* picolibc's stdio calls these: printf and getchar reach the UART through them. */
static int stdio_put(char c, FILE *file)
{
    (void)file;
    if (c == '\n')
        uart_putc('\r');
    uart_putc(c);
    return (unsigned char)c;
}

static int stdio_get(FILE *file)
{
    (void)file;
    return (unsigned char)uart_getc();
}

static FILE uart_stdio = FDEV_SETUP_STREAM(stdio_put, stdio_get, NULL, _FDEV_SETUP_RW);
FILE *const stdin = &uart_stdio;
FILE *const stdout = &uart_stdio;
FILE *const stderr = &uart_stdio;
