package org.parkatlas.brochure;

import org.junit.jupiter.api.Test;
import org.parkatlas.ExternalTools;
import org.parkatlas.ParkAtlasServerTest;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The brochures as an investor gets them: real PDFs, read back with poppler's {@code pdftotext} (the text is there,
 * Chinese included, so the embedded font carries it) and rasterised with {@code pdftoppm} to see that the map is
 * drawn — the parcel's magenta outline among coloured neighbours.
 */
class BrochureTest extends ParkAtlasServerTest {

    private static final Path PDFTOTEXT = Path.of("/usr/bin/pdftotext");
    private static final Path PDFTOPPM = Path.of("/usr/bin/pdftoppm");

    @Test
    void aParcelsBrochureReadsInChineseAndEnglishAndDrawsItsMap() throws Exception {
        ExternalTools.require(PDFTOTEXT, "PARKATLAS_REQUIRE_POPPLER", "apt-get install poppler-utils");
        Path en = download("/api/parcels/GT-Z2-054/brochure.pdf?lang=en");
        String english = text(en);
        assertThat(english).contains("Parcel GT-Z2-054", "Parcel brochure", "Ganting New-type Industrial Park",
                "甘亭新型工业园区", "Readiness tier", "Standard-land indicators", "New Energy Park",
                "Seven connections and leveling", "Regional assessments done", "Seismic safety assessment");
        // pdftotext joins a line broken after a hyphen and drops the hyphen: compare without hyphens
        assertThat(english.replace(" ", "").replace("-", "")).as("the permalink, as printed under its QR code")
                .contains("/parcels/GTZ2054?lang=en");
        Path zh = download("/api/parcels/parcel-0122/brochure.pdf?lang=zh-CN");
        String chinese = text(zh);
        assertThat(chinese).contains("地块 GT-Z2-054", "地块推介", "新能源产业园", "标准地控制指标", "七通一平", "亩", "已完成的区域评估",
                "规划环境影响评价", "地震安全性评价");

        ExternalTools.run(List.of(PDFTOPPM.toString(), "-r", "150", "-png", "-f", "1", "-l", "1", en.toString(),
                en.resolveSibling("page").toString()));
        BufferedImage page = ImageIO.read(Files.list(en.getParent()).filter(p -> p.getFileName().toString()
                .startsWith("page")).findFirst().orElseThrow().toFile());
        int magenta = 0;
        int green = 0;
        for (int x = 0; x < page.getWidth(); x++) {
            for (int y = 0; y < page.getHeight(); y++) {
                int rgb = page.getRGB(x, y);
                int r = rgb >> 16 & 0xff, g = rgb >> 8 & 0xff, b = rgb & 0xff;
                if (r > 150 && g < 90 && b > 60 && b < 160) {
                    magenta++;
                }
                if (g > 170 && r < 160 && b > 150 && b < 210) {
                    green++;
                }
            }
        }
        assertThat(magenta).as("the parcel's outline is drawn").isGreaterThan(40);
        assertThat(green).as("available neighbours are drawn in their colour").isGreaterThan(200);
        int[] pixels = page.getRGB(0, 0, page.getWidth(), page.getHeight(), null, 0, page.getWidth());
        String scanned = new com.google.zxing.qrcode.QRCodeReader().decode(new com.google.zxing.BinaryBitmap(
                new com.google.zxing.common.HybridBinarizer(new com.google.zxing.RGBLuminanceSource(page.getWidth(),
                        page.getHeight(), pixels))), java.util.Map.of(com.google.zxing.DecodeHintType.TRY_HARDER,
                Boolean.TRUE)).getText();
        assertThat(scanned).as("the QR code scans to the permalink").isEqualTo(url("/parcels/GT-Z2-054?lang=en"));
    }

    @Test
    void aComparisonBrochureNamesEveryParcelAndBadAsksAreProblems() throws Exception {
        ExternalTools.require(PDFTOTEXT, "PARKATLAS_REQUIRE_POPPLER", "apt-get install poppler-utils");
        Path pdf = download("/api/parcels/brochure.pdf?ids=GT-Z2-054,parcel-0130&lang=en");
        String text = text(pdf);
        assertThat(text).contains("Comparing parcels", "GT-Z2-054", "GT-Z2-062", "Min. fixed-asset investment");
        HttpResponse<String> one = getInEnglish("/api/parcels/brochure.pdf?ids=GT-Z2-054");
        assertThat(one.statusCode()).isEqualTo(400);
        assertThat(one.headers().firstValue("Content-Type").orElseThrow()).startsWith("application/problem+json");
        assertThat(getInEnglish("/api/parcels/brochure.pdf?ids=GT-Z2-054,GT-NOPE").statusCode()).isEqualTo(404);
        assertThat(getInEnglish("/api/parcels/GT-NOPE/brochure.pdf").statusCode()).isEqualTo(404);
    }

    /** The PDF's text in reading order, every run of white space (a line wrapped in a table cell) one space. */
    private static String text(Path pdf) throws Exception {
        return ExternalTools.run(List.of(PDFTOTEXT.toString(), pdf.toString(), "-")).replaceAll("\\s+", " ");
    }

    private Path download(String path) throws Exception {
        HttpResponse<byte[]> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(url(path)))
                .build(), HttpResponse.BodyHandlers.ofByteArray());
        assertThat(response.statusCode()).as(new String(response.body())).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type").orElseThrow()).startsWith("application/pdf");
        assertThat(new String(response.body(), 0, 5)).isEqualTo("%PDF-");
        Path dir = Files.createTempDirectory("brochure");
        Path file = dir.resolve("brochure.pdf");
        Files.write(file, response.body());
        return file;
    }
}
