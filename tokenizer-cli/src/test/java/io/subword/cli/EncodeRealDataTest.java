package io.subword.cli;

import io.subword.Encoding;
import io.subword.OffsetUnit;
import io.subword.Tokenizer;
import io.subword.Tokenizers;
import io.subword.testkit.RealData;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code subword encode} with the real bert-base-uncased tokenizer.json (as shipped: truncation at 128 and
 * fixed padding to 128) on Europarl lines in 21 languages: the CLI turns padding off and keeps the file's
 * truncation, so each output line is the library's encoding of that line without the padding.
 */
class EncodeRealDataTest {
    @TempDir
    Path dir;

    @Test
    void idsAndCodePointOffsetsEqualTheLibrary() throws Exception {
        Path json = RealData.bertUncasedTokenizerJson();
        List<String> all = RealData.europarlLines();
        List<String> lines = new ArrayList<>();
        for (int i = 0; i < all.size() && lines.size() < 3000; i += 37) {
            lines.add(all.get(i));
        }
        Path in = dir.resolve("in.txt");
        Files.write(in, lines);
        Path out = dir.resolve("out.txt");

        CliRun.Result r = CliRun.run("", "encode", "-t", json.toString(), "-i", in.toString(), "-o", out.toString(),
                "--special", "--offsets");
        assertEquals(0, r.exitCode(), r.err());

        // As Hugging Face gives for this file: its truncation and its padding, both at 128, each line on its own.
        Tokenizer tok = Tokenizers.fromFile(json);
        assertTrue(tok.padding() != null && tok.truncation() != null);
        List<String> got = Files.readAllLines(out);
        assertEquals(lines.size(), got.size());
        List<Integer> sizes = got.stream().map(line -> line.substring(0, line.indexOf('\t')).split(" ").length).toList();
        assertTrue(sizes.stream().allMatch(n -> n == 128), "the file's padding is applied");

        Path unpadded = dir.resolve("unpadded.txt");
        CliRun.Result off = CliRun.run("", "encode", "-t", json.toString(), "-i", in.toString(), "-o",
                unpadded.toString(), "--no-padding", "--no-truncation");
        assertEquals(0, off.exitCode(), off.err());
        List<Integer> unpaddedSizes = Files.readAllLines(unpadded).stream().map(l -> l.split(" ").length).toList();
        assertTrue(unpaddedSizes.stream().anyMatch(n -> n < 128), "--no-padding");
        assertTrue(unpaddedSizes.stream().anyMatch(n -> n > 128), "--no-truncation");
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < lines.size(); i++) {
            Encoding e = tok.encode(lines.get(i), true);
            sb.setLength(0);
            OutputFormat.IDS.append(sb, e, true, OffsetUnit.CODE_POINT);
            assertEquals(sb.toString(), got.get(i), "line " + (i + 1) + ": " + lines.get(i));
        }
    }
}
