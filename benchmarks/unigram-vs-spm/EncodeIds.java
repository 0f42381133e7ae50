import io.subword.Tokenizer;
import io.subword.sentencepiece.SentencePieceModel;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

/** Ids of each line of standard input as our SentencePiece encoder gives them, space-separated, as spm_encode. */
public class EncodeIds {
    public static void main(String[] args) throws Exception {
        Tokenizer tok = SentencePieceModel.read(Path.of(args[0])).toTokenizer();
        BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
        StringBuilder out = new StringBuilder();
        String line;
        while ((line = in.readLine()) != null) {
            int[] ids = tok.encode(line, false).ids();
            for (int i = 0; i < ids.length; i++) {
                out.append(i == 0 ? "" : " ").append(ids[i]);
            }
            out.append('\n');
        }
        System.out.print(out);
    }
}
