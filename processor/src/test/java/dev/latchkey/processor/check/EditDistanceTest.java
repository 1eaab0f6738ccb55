package dev.latchkey.processor.check;

import static com.google.common.truth.Truth.assertThat;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class EditDistanceTest {
  @Test
  void countsInsertionsDeletionsAndSubstitutions() {
    assertThat(EditDistance.between("kitten", "sitting")).isEqualTo(3);
    assertThat(EditDistance.between("", "abc")).isEqualTo(3);
    assertThat(EditDistance.between("abc", "")).isEqualTo(3);
    assertThat(EditDistance.between("userId", "userId")).isEqualTo(0);
  }

  @Test
  void ignoresCase() {
    assertThat(EditDistance.between("userId", "USERID")).isEqualTo(0);
  }

  @Test
  void suggestsTheClosestLikelyMisspelling() {
    assertThat(EditDistance.closest("usrId", List.of("orderId", "userId")))
        .isEqualTo(Optional.of("userId"));
    assertThat(EditDistance.closest("ID", List.of("name", "id"))).isEqualTo(Optional.of("id"));
  }

  @Test
  void suggestsNothingForUnrelatedNames() {
    assertThat(EditDistance.closest("id", List.of("name"))).isEqualTo(Optional.empty());
    assertThat(EditDistance.closest("accountNumber", List.of("userId")))
        .isEqualTo(Optional.empty());
    assertThat(EditDistance.closest("id", List.of())).isEqualTo(Optional.empty());
  }

  @Test
  void allowsMoreEditsForLongNames() {
    assertThat(EditDistance.closest("organisationIdentifier", List.of("organizationIdentifer")))
        .isEqualTo(Optional.of("organizationIdentifer"));
  }
}
