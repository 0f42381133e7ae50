package io.subword.json;

import io.subword.Tokenizer;
import io.subword.post.Padding;
import io.subword.post.TemplateProcessing;
import io.subword.post.Truncation;
import io.subword.testkit.RealData;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

/** The real bert-base-uncased tokenizer.json (from the all-MiniLM-L6-v2 artifact) reads fully and writes back as it was. */
class RealTokenizerJsonTest {
    @Test
    void readsAndWritesBackByteForByte() throws Exception {
        Path file = RealData.bertUncasedTokenizerJson();
        Tokenizer t = TokenizerJson.read(file);
        assertEquals(new Truncation(128, Truncation.Strategy.LONGEST_FIRST, 0, Truncation.Direction.RIGHT),
                t.truncation());
        assertEquals(new Padding(Padding.Strategy.FIXED, 128, Padding.Direction.RIGHT, 0, 0, 0, "[PAD]"),
                t.padding());
        assertEquals(30522, t.vocabulary().size());
        assertEquals(5, t.addedTokens().size());
        assertEquals(TemplateProcessing.bert(101, 102), assertInstanceOf(TemplateProcessing.class, t.postProcessor()));
        // the shipped file is serde_json's pretty output plus a final newline
        assertEquals(Files.readString(file).stripTrailing(), TokenizerJson.toJson(t));
    }
}
