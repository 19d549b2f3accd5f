package app.ponte.lead.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.HasOrderedComponents;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * Puts freshly rendered components into a container while keeping every child that renders the
 * same as before, so a live refresh sends the browser only what changed (a new timeline entry, an
 * updated summary) instead of re-creating the page, and kept inputs (a half-typed purchase) keep
 * their values. "The same" is the element's outer HTML — its tag, attributes, ids and texts —
 * which is what a reader sees; a child's listeners stay those of the kept instance, which act on
 * ids, not on the values shown.
 */
final class KeepUnchanged {

    private KeepUnchanged() {
    }

    static void update(HasOrderedComponents container, List<? extends Component> fresh) {
        Map<String, List<Component>> current = new HashMap<>();
        container.getChildren().forEach(child -> current
                .computeIfAbsent(child.getElement().getOuterHTML(), k -> new ArrayList<>()).add(child));
        List<Component> wanted = new ArrayList<>(fresh.size());
        for (Component component : fresh) {
            List<Component> same = current.get(component.getElement().getOuterHTML());
            wanted.add(same == null || same.isEmpty() ? component : same.removeFirst());
        }
        Map<Component, Boolean> keep = new IdentityHashMap<>();
        wanted.forEach(c -> keep.put(c, Boolean.TRUE));
        container.getChildren().filter(child -> !keep.containsKey(child)).toList()
                .forEach(container::remove);
        for (int i = 0; i < wanted.size(); i++) {
            Component component = wanted.get(i);
            if (i >= container.getComponentCount() || container.getComponentAt(i) != component) {
                container.addComponentAtIndex(i, component);
            }
        }
    }
}
