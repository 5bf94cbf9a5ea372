package org.bookbinder.render.print;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The print edition's typeface, EB Garamond (SIL Open Font Licence 1.1; {@code resources/org/bookbinder/fonts/OFL.txt}),
 * embedded in the page as base64 WOFF2 so that it prints the same on any machine. Latin subsets with small
 * capitals and old-style figures, made by {@code src/fonts/subset.sh}: the 12-point cut for the text, the
 * 8-point cut (family {@code "EB Garamond 08"}) for notes, and a semibold.
 */
public final class EmbeddedFonts {
    /** Family, style, weight, file. */
    private static final List<String[]> FACES = List.of(
            new String[] {"EB Garamond", "normal", "400", "EBGaramond12-Regular.woff2"},
            new String[] {"EB Garamond", "italic", "400", "EBGaramond12-Italic.woff2"},
            new String[] {"EB Garamond", "normal", "600 900", "EBGaramond-SemiBold.woff2"},
            new String[] {"EB Garamond 08", "normal", "400", "EBGaramond08-Regular.woff2"},
            new String[] {"EB Garamond 08", "italic", "400", "EBGaramond08-Italic.woff2"});
    private static final List<Map<String, String>> FONT_FACES = load();

    /** What the colophon says about the type. */
    public static final String CREDIT = "Set in EB Garamond, by Georg Duffner and the EB Garamond Project Authors, "
            + "used under the SIL Open Font License 1.1.";

    private EmbeddedFonts() {
    }

    /** One map per {@code @font-face}: {@code family}, {@code style}, {@code weight}, {@code base64}. */
    public static List<Map<String, String>> fontFaces() {
        return FONT_FACES;
    }

    private static List<Map<String, String>> load() {
        return FACES.stream().map(f -> {
            Map<String, String> m = new LinkedHashMap<>();
            m.put("family", f[0]);
            m.put("style", f[1]);
            m.put("weight", f[2]);
            m.put("base64", Base64.getEncoder().encodeToString(bytes(f[3])));
            return Map.copyOf(m);
        }).toList();
    }

    private static byte[] bytes(String file) {
        try (InputStream in = EmbeddedFonts.class.getResourceAsStream("/org/bookbinder/fonts/" + file)) {
            if (in == null) {
                throw new IllegalStateException("missing font " + file);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
