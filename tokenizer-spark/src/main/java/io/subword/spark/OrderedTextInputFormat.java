package io.subword.spark;

import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.mapreduce.JobContext;
import org.apache.hadoop.mapreduce.lib.input.TextInputFormat;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * Hadoop's text input over exactly the files {@link SparkCorpus} listed, in its order, hidden names included
 * (Hadoop's own listing would hide {@code _*} and {@code .*} files and order a folder as the file system does).
 * Public only because Spark creates input formats by reflection; not an API.
 */
public final class OrderedTextInputFormat extends TextInputFormat {
    @Override
    protected List<FileStatus> listStatus(JobContext job) throws IOException {
        String files = job.getConfiguration().get(SparkCorpus.FILES_KEY);
        if (files == null) {
            throw new IOException(SparkCorpus.FILES_KEY + " is not set: use SparkCorpus to read a corpus");
        }
        List<FileStatus> out = new ArrayList<>();
        if (files.isEmpty()) {
            return out;
        }
        for (String file : files.split("\n", -1)) {
            Path path = new Path(file);
            out.add(path.getFileSystem(job.getConfiguration()).getFileStatus(path));
        }
        return out;
    }
}
