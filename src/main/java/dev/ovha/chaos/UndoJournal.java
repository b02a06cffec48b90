package dev.ovha.chaos;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * The crash-safe ledger of every change ovha makes to a stack ({@code reports/undo-journal.jsonl}): a change
 * is appended with the action that undoes it <em>before</em> it is made, flushed and fsynced, and marked done
 * by another line after it has been undone. Whatever happens to the process in between (an exception,
 * Ctrl-C, kill -9, a lost CI runner), the file says what is still to be undone, and the next run's start or
 * {@code scripts/cleanup} replays it. Append-only, one JSON object per line (see {@link JournalLine}); a torn
 * last line from a crash mid-write is ignored. Lines that would contain a known secret are refused, and the
 * change with them.
 */
public final class UndoJournal implements AutoCloseable {
    static final ObjectMapper JSON = new ObjectMapper().registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    private final Path file;
    private final RunId runId;
    private final SecretScreen screen;
    private final Clock clock;
    private final FileChannel channel;
    /** Held from recording a change until it is made, so the kill switch never undoes a change still in flight. */
    private final ReentrantLock changes = new ReentrantLock();
    private boolean closedForChanges;
    private int counter;

    private UndoJournal(Path file, RunId runId, SecretScreen screen, Clock clock, FileChannel channel) {
        this.file = file;
        this.runId = runId;
        this.screen = screen;
        this.clock = clock;
        this.channel = channel;
    }

    /** Opens (creating it and its directory if needed) the journal at {@code file} for run {@code runId}. */
    public static UndoJournal open(Path file, RunId runId, SecretScreen screen) {
        return open(file, runId, screen, Clock.systemUTC());
    }

    static UndoJournal open(Path file, RunId runId, SecretScreen screen, Clock clock) {
        Path absolute = file.toAbsolutePath();
        try {
            Files.createDirectories(absolute.getParent());
            boolean created = !Files.exists(absolute);
            boolean torn = !created && !endsWithNewline(absolute);
            FileChannel channel = FileChannel.open(absolute, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                    StandardOpenOption.APPEND);
            if (created) {
                syncDirectory(absolute.getParent());
            } else if (torn) {
                // A crash tore the last line: start ours on a fresh line so both stay parseable.
                write(channel, "\n");
            }
            return new UndoJournal(absolute, runId, screen, clock, channel);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot open the undo journal " + absolute + ": " + e.getMessage(), e);
        }
    }

    public Path file() {
        return file;
    }

    public RunId runId() {
        return runId;
    }

    /**
     * Makes a change the safe way: records it with its undo, durably, then makes it. If the change throws,
     * the entry stays pending (the change may have half-happened) and the rollback replays the undo.
     *
     * @param mutation the change itself, given its journal entry (whose id is the FIS client token and tag);
     *                 its result is returned
     * @throws ChaosRefused when the run is stopping (the kill switch was pulled): nothing is changed
     */
    public <T> T change(String scenario, String stack, String change, UndoAction undo,
                        Function<PendingUndo, T> mutation) {
        return change(scenario, stack, change, id -> undo, mutation);
    }

    /**
     * As {@link #change(String, String, String, UndoAction, Function)}, for an undo that needs the entry's id
     * (FIS objects are found by an {@code ovha:entry} tag, since their ids are unknown until they exist).
     */
    public <T> T change(String scenario, String stack, String change, Function<String, UndoAction> undoForId,
                        Function<PendingUndo, T> mutation) {
        changes.lock();
        try {
            if (closedForChanges) {
                throw new ChaosRefused("refused: the run is stopping; not made: " + change);
            }
            return mutation.apply(recordPending(scenario, stack, change, undoForId));
        } finally {
            changes.unlock();
        }
    }

    /**
     * Refuses every later {@link #change}, after waiting (at most {@code wait}) for one in flight to finish, so
     * that what is pending afterwards is everything that will ever be pending.
     *
     * @return false when a change was still in flight after {@code wait}
     */
    public boolean closeForChanges(Duration wait) {
        try {
            if (!changes.tryLock(wait.toMillis(), TimeUnit.MILLISECONDS)) {
                return false;
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
        try {
            closedForChanges = true;
            return true;
        } finally {
            changes.unlock();
        }
    }

    /**
     * Records a change about to be made, with its undo, durably. Call it before the change: if the process
     * dies right after, the undo is replayed; undos are idempotent, so replaying one whose change never
     * happened does no harm.
     *
     * @throws IllegalStateException when the line would carry a known secret (then do not make the change)
     */
    synchronized PendingUndo recordPending(String scenario, String stack, String change, UndoAction undo) {
        return recordPending(scenario, stack, change, id -> undo);
    }

    private synchronized PendingUndo recordPending(String scenario, String stack, String change,
                                                   Function<String, UndoAction> undoForId) {
        String id = nextId();
        PendingUndo entry = new PendingUndo(id, runId.value(), scenario, stack, clock.instant(), change,
                undoForId.apply(id));
        append(JournalLine.pending(entry));
        return entry;
    }

    /** Dry run: records what would have been changed; it is never replayed. */
    public synchronized PendingUndo recordPlanned(String scenario, String stack, String change, UndoAction undo) {
        PendingUndo entry = new PendingUndo(nextId(), runId.value(), scenario, stack, clock.instant(), change, undo);
        append(JournalLine.planned(entry));
        return entry;
    }

    /** Which stack (by CloudFormation id) this run changes; written once, before its first change. */
    public synchronized void recordStack(String stack, String stackId) {
        append(JournalLine.stack(runId.value(), stack, stackId, clock.instant()));
    }

    /** The change has been undone. */
    public synchronized void markDone(PendingUndo entry, String result) {
        append(JournalLine.done(entry, clock.instant(), screen.scrub(result)));
    }

    /** An undo attempt failed; the entry stays pending. */
    public synchronized void markFailed(PendingUndo entry, String error) {
        append(JournalLine.failed(entry, clock.instant(), screen.scrub(error)));
    }

    /** Every entry not yet undone, of every run, oldest first, read from the file (the source of truth). */
    public List<PendingUndo> pending() {
        return read().pending();
    }

    /** Pending entries that match, oldest first. */
    public List<PendingUndo> pending(Predicate<PendingUndo> filter) {
        return pending().stream().filter(filter).toList();
    }

    /** What the file holds now. */
    public synchronized JournalContents read() {
        return contentsOf(file);
    }

    /**
     * What a journal file holds, read without opening it for writing: for watching a journal another process is
     * appending to (opening it would mend a half-written last line under the writer's feet).
     */
    public static JournalContents contentsOf(Path file) {
        if (!Files.exists(file)) {
            return new JournalContents(List.of(), 0, 0, List.of(), Map.of());
        }
        List<String> lines;
        try {
            lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the undo journal " + file + ": " + e.getMessage(), e);
        }
        Map<String, PendingUndo> pending = new LinkedHashMap<>();
        Map<String, String> stackIds = new LinkedHashMap<>();
        List<String> unreadable = new ArrayList<>();
        int planned = 0;
        int done = 0;
        for (int i = 0; i < lines.size(); i++) {
            String text = lines.get(i);
            if (text.isBlank()) {
                continue;
            }
            JournalLine line;
            try {
                line = JSON.readValue(text, JournalLine.class);
                Objects.requireNonNull(line.type(), "type");
                Objects.requireNonNull(line.id(), "id");
            } catch (JsonProcessingException | RuntimeException e) {
                unreadable.add("line " + (i + 1));
                continue;
            }
            switch (line.type()) {
                case JournalLine.PENDING -> pending.put(line.id(), line.entry());
                case JournalLine.DONE -> done += pending.remove(line.id()) == null ? 0 : 1;
                case JournalLine.PLANNED -> planned++;
                case JournalLine.STACK -> {
                    if (line.stackId() != null) {
                        stackIds.put(line.runId(), line.stackId());
                    }
                }
                default -> {
                    // undo-failed lines are history; the entry stays pending.
                }
            }
        }
        return new JournalContents(List.copyOf(pending.values()), planned, done, unreadable, stackIds);
    }

    @Override
    public synchronized void close() {
        try {
            channel.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private String nextId() {
        return runId.value() + "#" + (++counter);
    }

    private void append(JournalLine line) {
        String json;
        try {
            json = JSON.writeValueAsString(line);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write journal line for " + line.id(), e);
        }
        if (screen.leaks(json)) {
            throw new IllegalStateException("refused to write undo journal entry " + line.id()
                    + ": it would contain a secret; the change was not made");
        }
        try {
            write(channel, json + "\n");
            // Durable before the change is made: the page cache does not survive a power cut or a VM kill.
            channel.force(false);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot append to the undo journal " + file + ": " + e.getMessage(), e);
        }
    }

    private static void write(FileChannel channel, String text) throws IOException {
        ByteBuffer bytes = ByteBuffer.wrap(text.getBytes(StandardCharsets.UTF_8));
        while (bytes.hasRemaining()) {
            channel.write(bytes);
        }
    }

    /** An empty file counts as ending well: there is no line to tear. */
    private static boolean endsWithNewline(Path file) throws IOException {
        try (FileChannel read = FileChannel.open(file, StandardOpenOption.READ)) {
            if (read.size() == 0) {
                return true;
            }
            ByteBuffer last = ByteBuffer.allocate(1);
            read.read(last, read.size() - 1);
            return last.get(0) == '\n';
        }
    }

    /** So that a freshly created journal's directory entry survives a crash too (Linux; a no-op elsewhere). */
    private static void syncDirectory(Path directory) {
        try (FileChannel dir = FileChannel.open(directory, StandardOpenOption.READ)) {
            dir.force(true);
        } catch (IOException | UnsupportedOperationException e) {
            // Not every platform can open a directory; the file's own fsync still holds its contents.
        }
    }
}
