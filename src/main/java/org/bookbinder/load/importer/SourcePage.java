package org.bookbinder.load.importer;

import java.util.List;
import java.util.Optional;

/**
 * A scraped page, read and cleaned: its title, its sections (the text before the first heading is the
 * introduction, with an empty heading), the entries of its sources list, and the page's own dates.
 *
 * @param sections each section's paragraphs are Markdown blocks
 * @param created  the page's "Created:" line, as written
 * @param updated  the page's "Last updated:" line, as written
 * @param dropped  the debris that was left out (navigation, banners), for the import report
 */
record SourcePage(String title, List<Section> sections, List<String> sources, Optional<String> created,
                  Optional<String> updated, List<String> dropped) {

    record Section(String heading, List<String> blocks) {
    }
}
