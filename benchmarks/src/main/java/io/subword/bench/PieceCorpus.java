package io.subword.bench;

import it.unimi.dsi.fastutil.objects.Object2IntOpenHashMap;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * A pre-tokenized corpus as the skip-gram trainer takes it: one line a sentence of space-separated pieces, each
 * piece numbered in order of first appearance, so ours trains on exactly the text given to gensim and fastText.
 *
 * @param tokens    the pieces by id
 * @param sentences the lines as piece ids
 */
record PieceCorpus(List<String> tokens, List<int[]> sentences) {

    static PieceCorpus read(Path file) throws IOException {
        Object2IntOpenHashMap<String> ids = new Object2IntOpenHashMap<>();
        ids.defaultReturnValue(-1);
        List<String> tokens = new ArrayList<>();
        List<int[]> sentences = new ArrayList<>();
        for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
            String[] pieces = line.split(" ");
            int[] sentence = new int[pieces.length];
            for (int i = 0; i < pieces.length; i++) {
                int id = ids.getInt(pieces[i]);
                if (id < 0) {
                    id = tokens.size();
                    ids.put(pieces[i], id);
                    tokens.add(pieces[i]);
                }
                sentence[i] = id;
            }
            sentences.add(sentence);
        }
        return new PieceCorpus(List.copyOf(tokens), sentences);
    }

    /** How many distinct pieces. */
    int size() {
        return tokens.size();
    }
}
