package org.bookbinder.check;

import com.adobe.epubcheck.api.EPUBLocation;
import com.adobe.epubcheck.api.MasterReport;
import com.adobe.epubcheck.messages.Message;
import com.adobe.epubcheck.messages.Severity;
import com.adobe.epubcheck.util.FeatureEnum;
import org.bookbinder.diagnostics.Diagnostic;
import org.bookbinder.diagnostics.Diagnostics;

import java.util.Locale;

/**
 * An EPUBCheck report that turns each message into one of our diagnostics: the EPUBCheck id as the code
 * (e.g. {@code RSC-005}), the path inside the EPUB prefixed by the file's name as the location.
 * Usage and info messages are left out, as EPUBCheck's own command line leaves them out by default.
 */
final class DiagnosticReport extends MasterReport {
    private final Diagnostics diagnostics;
    private final String displayName;
    private final String checkedFileName;

    DiagnosticReport(Diagnostics diagnostics, String displayName, String checkedFileName) {
        this.diagnostics = diagnostics;
        this.displayName = displayName;
        this.checkedFileName = checkedFileName;
        setLocale(Locale.ENGLISH);
    }

    @Override
    public void message(Message message, EPUBLocation location, Object... args) {
        Severity severity = message.getSeverity();
        org.bookbinder.diagnostics.Severity ours = switch (severity) {
            case FATAL, ERROR -> org.bookbinder.diagnostics.Severity.ERROR;
            case WARNING -> org.bookbinder.diagnostics.Severity.WARNING;
            default -> null;
        };
        if (ours == null) {
            return;
        }
        String inside = location == null ? null : location.getPath();
        boolean wholeFile = inside == null || inside.isEmpty() || inside.endsWith("/" + checkedFileName) || inside.equals(checkedFileName);
        String path = wholeFile ? displayName : displayName + "/" + inside;
        int line = location == null ? 0 : Math.max(0, location.getLine());
        int column = location == null ? 0 : Math.max(0, location.getColumn());
        String text = message.getMessage(args).replaceAll("\\s+", " ").strip();
        diagnostics.add(new Diagnostic(ours, message.getID().name().replace('_', '-'), path, line, column, text));
    }

    @Override
    public void info(String resource, FeatureEnum feature, String value) {
        // features (fonts used, scripted content, …) are not problems
    }

    @Override
    public int generate() {
        return 0;
    }

    @Override
    public void initialize() {
    }
}
