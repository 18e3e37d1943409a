package io.cosmolite.engine.query.ast;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;

/** A scalar expression. */
public sealed interface Expr {

    /** A constant; {@code value} is null for the literal {@code undefined}. */
    record Literal(JsonNode value) implements Expr {}

    /** A query parameter such as {@code @name}; {@code name} includes the {@code @}. */
    record Parameter(String name) implements Expr {}

    /**
     * A bare name: an alias bound by FROM or JOIN ({@code c}), or the container's root when used
     * as the root of a FROM source.
     */
    record Identifier(String name) implements Expr {}

    /** {@code target.name} or {@code target["name"]}. */
    record Property(Expr target, String name) implements Expr {}

    /**
     * {@code target[index]} where the index is not a string literal: a number literal, a
     * parameter or any expression; a number selects an array element, a string a property.
     */
    record Index(Expr target, Expr index) implements Expr {}

    /** A unary operator. */
    record Unary(UnaryOp op, Expr operand) implements Expr {}

    /** A binary operator. */
    record Binary(BinaryOp op, Expr left, Expr right) implements Expr {}

    /** {@code value [NOT] BETWEEN low AND high}. */
    record Between(Expr value, Expr low, Expr high, boolean not) implements Expr {}

    /** {@code value [NOT] IN (list...)}. */
    record In(Expr value, List<Expr> list, boolean not) implements Expr {}

    /** {@code value [NOT] LIKE pattern [ESCAPE escape]}; {@code escape} may be null. */
    record Like(Expr value, Expr pattern, Expr escape, boolean not) implements Expr {}

    /** {@code condition ? whenTrue : whenFalse}. */
    record Conditional(Expr condition, Expr whenTrue, Expr whenFalse) implements Expr {}

    /**
     * A function call: a built-in (names are case-insensitive; aggregates such as COUNT are calls
     * too) or, when {@code udf} is true, {@code udf.name(...)}. {@code name} is as written.
     */
    record Call(String name, boolean udf, List<Expr> args, Span span) implements Expr {}

    /** {@code { name: value, ... }}; property order is kept. */
    record ObjectConstructor(List<PropertyDef> properties) implements Expr {}

    /** One property of an object constructor. */
    record PropertyDef(String name, Expr value) {}

    /** {@code [ a, b, ... ]}. */
    record ArrayConstructor(List<Expr> items) implements Expr {}

    /** {@code (SELECT ...)} used as a scalar: its single value, or undefined. */
    record ScalarSubquery(Query query) implements Expr {}

    /** {@code EXISTS (SELECT ...)}. */
    record Exists(Query query) implements Expr {}

    /** {@code ARRAY (SELECT ...)}. */
    record ArraySubquery(Query query) implements Expr {}

    /** Unary operators. */
    enum UnaryOp { MINUS, PLUS, NOT, BITWISE_NOT }

    /** Binary operators, in no particular order (precedence is the parser's business). */
    enum BinaryOp {
        ADD, SUBTRACT, MULTIPLY, DIVIDE, MODULO,
        EQUAL, NOT_EQUAL, LESS, LESS_OR_EQUAL, GREATER, GREATER_OR_EQUAL,
        AND, OR,
        BITWISE_AND, BITWISE_OR, BITWISE_XOR, LEFT_SHIFT, RIGHT_SHIFT, ZERO_FILL_RIGHT_SHIFT,
        /** {@code ||} string concatenation. */
        CONCAT,
        /** {@code ??} coalesce: the left value unless it is undefined. */
        COALESCE
    }
}
