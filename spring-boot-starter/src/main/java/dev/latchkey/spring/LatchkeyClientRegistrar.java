package dev.latchkey.spring;

import java.util.Map;
import org.springframework.beans.factory.BeanClassLoaderAware;
import org.springframework.beans.factory.BeanFactory;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.beans.factory.support.BeanDefinitionRegistry;
import org.springframework.beans.factory.support.BeanDefinitionRegistryPostProcessor;
import org.springframework.beans.factory.support.RootBeanDefinition;
import org.springframework.context.EnvironmentAware;
import org.springframework.core.env.Environment;

/**
 * Registers one bean per client configured under {@code latchkey.clients}, typed as its interface
 * and named after it ({@code xandrApi}). The clients are found through the processor's index
 * ({@code META-INF/services/dev.latchkey.runtime.spi.ClientDefinition}), never by scanning the
 * class path; each bean is built by {@link LatchkeyClients} when Spring creates it.
 */
final class LatchkeyClientRegistrar
    implements BeanDefinitionRegistryPostProcessor, EnvironmentAware, BeanClassLoaderAware {
  private Environment environment;
  private ClassLoader loader = LatchkeyClientRegistrar.class.getClassLoader();

  @Override
  public void setEnvironment(Environment environment) {
    this.environment = environment;
  }

  @Override
  public void setBeanClassLoader(ClassLoader loader) {
    this.loader = loader;
  }

  @Override
  public void postProcessBeanDefinitionRegistry(BeanDefinitionRegistry registry) {
    BeanFactory factory = (BeanFactory) registry;
    for (Map.Entry<String, LatchkeyClients.Configured> client :
        LatchkeyClients.configured(environment, loader).entrySet()) {
      String beanName = client.getKey();
      if (registry.containsBeanDefinition(beanName)) {
        continue; // the application defined this bean itself: its own wins
      }
      registry.registerBeanDefinition(beanName, definition(client.getValue(), beanName, factory));
    }
  }

  private static <T> RootBeanDefinition definition(
      LatchkeyClients.Configured client, String beanName, BeanFactory factory) {
    @SuppressWarnings("unchecked")
    Class<T> type = (Class<T>) client.definition().type();
    RootBeanDefinition bean = new RootBeanDefinition(
        type,
        () -> type.cast(factory.getBean(LatchkeyClients.class).client(beanName).client()));
    bean.setDescription("Latchkey client " + client.definition().name() + " from "
        + LatchkeyProperties.PREFIX + ".clients." + client.key());
    return bean;
  }

  @Override
  public void postProcessBeanFactory(ConfigurableListableBeanFactory beanFactory) {}
}
