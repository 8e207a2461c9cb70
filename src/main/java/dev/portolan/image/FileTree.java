package dev.portolan.image;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Paths made into folders, each folder's size the sum of what is under it, children
 * folders first then by name: what a layer view shows as a tree.
 */
public final class FileTree {

    /** A file or folder; change and layer as the FileChange that put it there (null for a folder only implied). */
    public static final class Node {
        private final String name;
        private final String path;
        private final Map<String, Node> children = new LinkedHashMap<>();
        private FileChange file;
        private long size;
        private List<Node> sorted;

        private Node(String name, String path) {
            this.name = name;
            this.path = path;
        }

        public String name() {
            return name;
        }

        public String path() {
            return path;
        }

        /** The file's size, or for a folder the sum of the files under it. */
        public long size() {
            return size;
        }

        public boolean isDirectory() {
            return !children.isEmpty() || (file != null && file.directory());
        }

        public FileChange.Change change() {
            return file == null ? null : file.change();
        }

        /** The layer this path came from or was changed in; -1 for a folder only implied by what is under it. */
        public int layer() {
            return file == null ? -1 : file.layer();
        }

        public List<Node> children() {
            if (sorted == null) {
                sorted = new ArrayList<>(children.values());
                sorted.sort(Comparator.comparing((Node n) -> !n.isDirectory()).thenComparing(Node::name));
            }
            return sorted;
        }
    }

    private FileTree() {}

    public static Node of(List<FileChange> files) {
        Node root = new Node("/", "");
        for (FileChange file : files) {
            Node node = root;
            int from = 0;
            String path = file.path();
            while (from <= path.length()) {
                int slash = path.indexOf('/', from);
                int to = slash < 0 ? path.length() : slash;
                String name = path.substring(from, to);
                String prefix = path.substring(0, to);
                node = node.children.computeIfAbsent(name, n -> new Node(n, prefix));
                // removed paths count nothing toward what is in the tree
                if (!file.directory() && file.change() != FileChange.Change.REMOVED) node.size += file.sizeBytes();
                from = to + 1;
            }
            node.file = file;
            if (file.change() == FileChange.Change.REMOVED) node.size = file.sizeBytes();
        }
        for (Node child : root.children.values()) root.size += child.size;
        return root;
    }
}
