package io.cosmolite.examples.orders;

import java.util.List;

/**
 * An order, stored in the {@code orders} container and partitioned by {@code /customerId}: a
 * customer's orders share one logical partition, so listing them is a single-partition query and
 * only the report across customers fans out. Money is in integer cents, never floating point.
 *
 * @param id the order id
 * @param customerId the customer who placed it (the partition key)
 * @param lines what was ordered, at least one line
 * @param currency ISO 4217 code: {@code EUR}, {@code GBP} or {@code USD}
 * @param totalCents the sum of the lines
 * @param paidCents what has been paid so far
 * @param status {@link OrderStatus#PAID} once {@code paidCents} reaches {@code totalCents}
 * @param deliveryNote a note for the courier; null for none
 */
public record Order(String id, String customerId, List<OrderLine> lines, String currency, long totalCents,
        long paidCents, OrderStatus status, String deliveryNote) {

    public Order {
        lines = List.copyOf(lines);
    }

    /** A new, unpaid order {@code id} of {@code lines}, its total computed from them. */
    public static Order place(String id, String customerId, String currency, List<OrderLine> lines) {
        long total = lines.stream().mapToLong(OrderLine::amountCents).sum();
        return new Order(id, customerId, lines, currency, total, 0, OrderStatus.PLACED, null);
    }

    /**
     * This order with a payment of {@code cents} added; paid once the total is reached.
     *
     * @throws IllegalArgumentException when the payment is not positive or would pay more than the total
     */
    public Order withPayment(long cents) {
        if (cents <= 0) {
            throw new IllegalArgumentException("a payment is a positive amount, not " + cents);
        }
        long paid = paidCents + cents;
        if (paid > totalCents) {
            throw new IllegalArgumentException("order " + id + ": a payment of " + cents + " would pay " + paid
                    + " of " + totalCents);
        }
        return new Order(id, customerId, lines, currency, totalCents, paid,
                paid == totalCents ? OrderStatus.PAID : OrderStatus.PLACED, deliveryNote);
    }

    /** This order with another note for the courier. */
    public Order withDeliveryNote(String note) {
        return new Order(id, customerId, lines, currency, totalCents, paidCents, status, note);
    }
}
