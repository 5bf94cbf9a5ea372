package org.bookbinder.load;

import org.commonmark.node.AbstractVisitor;
import org.commonmark.node.Heading;
import org.commonmark.node.Node;
import org.commonmark.node.Text;
import org.commonmark.parser.PostProcessor;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Moves a trailing {@code {#id .class}} off a heading's text into a {@link HeadingAttributes} node. */
final class HeadingAttributesPostProcessor implements PostProcessor {
    private static final Pattern TRAILING = Pattern.compile("\\s*\\{([^{}]*)\\}\\s*$");

    @Override
    public Node process(Node document) {
        document.accept(new AbstractVisitor() {
            @Override
            public void visit(Heading heading) {
                if (heading.getLastChild() instanceof Text text) {
                    Matcher m = TRAILING.matcher(text.getLiteral());
                    if (m.find()) {
                        Attributes.parse(m.group(1)).ifPresent(attributes -> {
                            String rest = text.getLiteral().substring(0, m.start());
                            if (rest.isEmpty()) {
                                text.unlink();
                            } else {
                                text.setLiteral(rest);
                            }
                            heading.prependChild(new HeadingAttributes(attributes));
                        });
                    }
                }
            }
        });
        return document;
    }
}
