package org.bookbinder.load;

import java.util.Objects;
import java.util.Optional;

/**
 * A person or body credited for the book.
 *
 * @param role   a MARC relator code: {@code aut}, {@code edt}, {@code ann}, {@code trl}, …
 * @param fileAs the sort form ("Solzhenitsyn, Aleksandr"), if given
 */
public record Creator(String name, String role, Optional<String> fileAs) {
    public Creator {
        Objects.requireNonNull(name, "name must not be null");
        Objects.requireNonNull(role, "role must not be null");
        Objects.requireNonNull(fileAs, "fileAs must not be null");
    }
}
