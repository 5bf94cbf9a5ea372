package org.bookbinder.load;

import org.commonmark.node.Document;
import org.commonmark.node.HtmlInline;
import org.commonmark.node.Link;
import org.commonmark.node.AbstractVisitor;
import org.junit.jupiter.api.Test;
import org.snakeyaml.engine.v2.api.LoadSettings;
import org.snakeyaml.engine.v2.api.lowlevel.Compose;
import org.snakeyaml.engine.v2.nodes.MappingNode;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.ScalarNode;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Markdown in a YAML value is placed at the file's lines: line for line where the value's lines are the file's, at the
 * value's start where YAML has joined them. Each YAML text is read by SnakeYAML, as the loader reads it, and the
 * value's position is where SnakeYAML puts it.
 */
class YamlMarkdownTest {
    @Test
    void aLiteralBlockMapsLineForLine() {
        String yaml = """
                colophon: |

                  First paragraph, with [a link](01-one.md).

                    Indented, <b>bold</b> and [another](02-two.md).
                other: x
                """;
        assertThat(places(yaml)).containsExactly("link 3:25", "html 5:15", "html 5:22", "link 5:31");
    }

    @Test
    void aValueOnTheLineOfItsKeyMapsColumnForColumn() {
        assertThat(places("definition: See [the camps](01-one.md). # a comment\n")).containsExactly("link 1:17");
        assertThat(places("definition: \"See <i>the</i> [camps](01-one.md).\"\n"))
                .containsExactly("html 1:18", "html 1:24", "link 1:29");
        assertThat(places("definition: 'See [the camps](01-one.md).'\n")).containsExactly("link 1:18");
    }

    @Test
    void aValueWhoseLinesYamlJoinedIsPlacedAtItsStart() {
        assertThat(places("""
                definition: >
                  See the camps
                  and [the lists](02-lists.md).
                """)).containsExactly("link 1:13");
        assertThat(places("""
                definition: See the camps
                  and [the lists](02-lists.md).
                """)).containsExactly("link 1:13");
        assertThat(places("definition: \"See \\\"the\\\" [camps](01-one.md).\"\n")).containsExactly("link 1:13");
    }

    /** Where the links and inline HTML of the first key's value were placed, "link 3:25". */
    private static List<String> places(String yaml) {
        Node root = new Compose(LoadSettings.builder().build()).composeString(yaml).orElseThrow();
        ScalarNode value = (ScalarNode) ((MappingNode) root).getValue().get(0).getValueNode();
        Document document = YamlMarkdown.parse(value.getValue().strip(), yaml, YamlSource.line(value), YamlSource.column(value));
        List<String> places = new ArrayList<>();
        document.accept(new AbstractVisitor() {
            @Override
            public void visit(Link link) {
                places.add("link " + SourcePositions.line(link) + ":" + SourcePositions.column(link));
                visitChildren(link);
            }

            @Override
            public void visit(HtmlInline html) {
                places.add("html " + SourcePositions.line(html) + ":" + SourcePositions.column(html));
            }
        });
        return places;
    }
}
