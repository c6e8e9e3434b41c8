package fr.macrea.max.fields;

import fr.macrea.max.action.ActionRefusedException;
import fr.macrea.max.shared.Message;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

import java.util.List;
import java.util.Optional;

/** Stored projects read back whole: the row, its frozen proposal and its steps' current states. */
@Component
class MigrationProjects {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final MigrationRepository repository;

    MigrationProjects(MigrationRepository repository) {
        this.repository = repository;
    }

    Optional<MigrationProject> find(long id) {
        return repository.find(id).map(this::project);
    }

    MigrationProject require(long id) {
        return find(id).orElseThrow(() -> new ActionRefusedException(Message.of("fields.project.not-found")));
    }

    List<MigrationProject> latest(int limit) {
        return repository.latest(limit).stream().map(this::project).toList();
    }

    static String write(StoredProject project) {
        return JSON.writeValueAsString(project);
    }

    private MigrationProject project(MigrationRepository.Row row) {
        StoredProject stored = JSON.readValue(row.projectJson(), StoredProject.class);
        return FieldPlanDiff.project(row, stored, repository.steps(row.id()));
    }
}
