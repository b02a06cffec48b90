package dev.ovha.twin.openvidu;

import java.util.Optional;

/** A {@link ConfigStore} held in memory, with a counter as version. */
public final class InMemoryConfigStore implements ConfigStore {

    private String text;
    private long version;

    public InMemoryConfigStore(String initial) {
        this.text = initial;
        this.version = 1;
    }

    @Override
    public synchronized Optional<Versioned> read() {
        return text == null ? Optional.empty() : Optional.of(new Versioned(text, "v" + version));
    }

    @Override
    public synchronized void write(String newText) {
        this.text = newText;
        this.version++;
    }
}
