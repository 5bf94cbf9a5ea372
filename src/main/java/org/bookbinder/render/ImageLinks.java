package org.bookbinder.render;

import org.bookbinder.load.ImageFile;
import org.bookbinder.render.Rendition.PackageResource;
import org.jsoup.nodes.Element;

import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Points a chapter's images at the copies the book carries: in the EPUB, at {@code ../images/…} beside the text;
 * in the print edition, at {@code data:} URIs, so that the one HTML file needs nothing else. A paragraph that holds
 * only an image with a title, {@code ![A map of the camps](map.png "The camps in 1945")}, becomes a figure whose
 * caption is the title; the alt text stays the image's description.
 */
final class ImageLinks {
    private final Map<String, ImageFile> bySource = new LinkedHashMap<>();

    ImageLinks(List<ImageFile> images) {
        images.forEach(i -> bySource.put(i.source(), i));
    }

    /** The images as package resources, in order of first use. */
    List<PackageResource> resources() {
        int[] n = {0};
        return bySource.values().stream()
                .map(i -> new PackageResource("img-" + (++n[0]), i.href(), i.mediaType(), i.data(), Set.of()))
                .toList();
    }

    /** Rewrites the images of a chapter's body (rendered from {@code chapterFile}) for the EPUB. */
    void linkForEpub(Element body, String chapterFile) {
        for (Element img : body.select("img[src]")) {
            ImageFile.resolve(chapterFile, img.attr("src")).map(bySource::get)
                    .ifPresent(file -> img.attr("src", "../" + file.href()));
            figure(img);
        }
    }

    /** Rewrites the images of a chapter's print body (already linked for the EPUB) as data URIs. */
    void embedForPrint(Element printBody) {
        Map<String, ImageFile> byHref = new LinkedHashMap<>();
        bySource.values().forEach(i -> byHref.put("../" + i.href(), i));
        for (Element img : printBody.select("img[src]")) {
            ImageFile file = byHref.get(img.attr("src"));
            if (file != null) {
                img.attr("src", "data:" + file.mediaType() + ";base64," + Base64.getEncoder().encodeToString(file.data()));
            }
        }
    }

    /** A titled image alone in its paragraph becomes {@code <figure><img/><figcaption>title</figcaption></figure>}. */
    private static void figure(Element img) {
        Element parent = img.parent();
        if (parent == null || !parent.tagName().equals("p") || !img.hasAttr("title") || img.attr("title").isBlank()
                || parent.childrenSize() != 1 || !parent.ownText().isBlank()) {
            return;
        }
        Element figure = new Element("figure");
        Element caption = new Element("figcaption").text(img.attr("title"));
        img.removeAttr("title");
        parent.replaceWith(figure);
        figure.appendChild(img);
        figure.appendChild(caption);
    }
}
