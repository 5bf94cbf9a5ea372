package org.bookbinder.load;

import org.commonmark.parser.InlineParserContext;
import org.commonmark.parser.beta.LinkInfo;
import org.commonmark.parser.beta.LinkProcessor;
import org.commonmark.parser.beta.LinkResult;
import org.commonmark.parser.beta.Position;
import org.commonmark.parser.beta.Scanner;

import java.util.Optional;

/** Turns {@code [text]{attributes}} into a {@link Span}; any other bracket is left to the next processor. */
final class SpanLinkProcessor implements LinkProcessor {
    @Override
    public LinkResult process(LinkInfo info, Scanner scanner, InlineParserContext context) {
        if (info.destination() != null || info.label() != null || info.marker() != null) {
            return LinkResult.none();
        }
        scanner.setPosition(info.afterTextBracket());
        if (!scanner.next('{')) {
            return LinkResult.none();
        }
        Position start = scanner.position();
        if (scanner.find('}') < 0) {
            return LinkResult.none();
        }
        String inside = scanner.getSource(start, scanner.position()).getContent();
        scanner.next();
        Optional<Attributes> attributes = Attributes.parse(inside);
        return attributes.map(a -> LinkResult.wrapTextIn(new Span(a), scanner.position())).orElse(LinkResult.none());
    }
}
