package dev.portolan.engine;

/** Input a person typed that cannot be used; the message says what is wrong and what would do. */
public class InvalidInputException extends RuntimeException {
    public InvalidInputException(String message) {
        super(message);
    }
}
