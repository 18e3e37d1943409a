package io.cosmolite.examples.orders;

/**
 * One line of an order.
 *
 * @param sku the product code, e.g. {@code BOOK-17}
 * @param quantity how many, 1 to 100
 * @param unitPriceCents the price of one, in cents of the order's currency
 */
public record OrderLine(String sku, int quantity, long unitPriceCents) {
    /** The line's amount in cents. */
    public long amountCents() {
        return quantity * unitPriceCents;
    }
}
